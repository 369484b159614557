using System.Globalization;
using System.Text;
using NJsonSchema.Validation;
using NJsonSchema;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;
using PolicyGate.Documents;
using PolicyGate.Spelling;

namespace PolicyGate.Config;

/// <summary>
/// Validates a configuration document against rules/policygate.schema.json (embedded) with NJsonSchema, and
/// reports every error at the line and column of the offending key or value in the original YAML or JSON.
/// </summary>
public sealed class ConfigSchema
{
    private const string ResourceName = "PolicyGate.rules.policygate.schema.json";
    private static readonly Lazy<ConfigSchema> Embedded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JsonSchema _schema;

    private ConfigSchema(JsonSchema schema) => _schema = schema;

    public static ConfigSchema Instance => Embedded.Value;

    /// <summary>A hash of the embedded schema, so cached validation results end when the schema changes.</summary>
    public static string SchemaHash { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ReadSchemaText())));

    public static string ReadSchemaText()
    {
        using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public IReadOnlyList<ConfigError> Validate(Node root)
    {
        // Each key and each value goes on its own line, so NJsonSchema's line numbers lead back to nodes.
        var lineMap = new List<SourceSpan> { default };
        var json = new StringBuilder();
        Emit(root, json, lineMap);

        using var reader = new JsonTextReader(new StringReader(json.ToString())) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        var token = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        var errors = new List<ConfigError>();
        foreach (var error in Flatten(_schema.Validate(token)))
        {
            var span = error.HasLineInfo && error.LineNumber > 0 && error.LineNumber < lineMap.Count ? lineMap[error.LineNumber] : root.Span;
            errors.Add(new ConfigError(new SourceLocation(root.File.Path, span), Describe(error)));
        }

        return errors
            .DistinctBy(e => (e.Location, e.Message))
            .OrderBy(e => e.Location.Span.Start)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();
    }

    private static ConfigSchema Load() => new(JsonSchema.FromJsonAsync(ReadSchemaText()).GetAwaiter().GetResult());

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        var name = error.Property ?? LastSegment(error.Path);
        var subject = string.IsNullOrEmpty(name) ? "the value" : $"\"{name}\"";
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownKey(error, name),
            ValidationErrorKind.StringExpected => $"{subject} must be a string",
            ValidationErrorKind.IntegerExpected => $"{subject} must be a whole number",
            ValidationErrorKind.NumberExpected => $"{subject} must be a number",
            ValidationErrorKind.BooleanExpected => $"{subject} must be true or false",
            ValidationErrorKind.ArrayExpected => $"{subject} must be a list",
            ValidationErrorKind.ObjectExpected => $"{subject} must be a mapping of keys to values",
            ValidationErrorKind.NotInEnumeration => $"{subject} must be one of: {string.Join(", ", error.Schema?.Enumeration.Select(v => v?.ToString() ?? "null") ?? [])}",
            ValidationErrorKind.PropertyRequired => $"the required key {subject} is missing",
            ValidationErrorKind.StringTooShort => $"{subject} must not be empty",
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.IntegerTooBig or ValidationErrorKind.NumberTooBig => $"{subject} is out of range",
            ValidationErrorKind.PatternMismatch => $"{subject} does not have the expected format",
            ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf => $"{subject} has neither of the accepted forms{FormsOf(error.Schema)}",
            _ => $"{subject} is not valid here ({error.Kind})",
        };
    }

    private static string UnknownKey(ValidationError error, string? name)
    {
        var allowed = error.Schema?.ActualProperties.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList() ?? [];
        var suggestion = allowed.OrderBy(k => SpellingSuggestions.Distance(k, name ?? string.Empty, ignoreCase: true)).FirstOrDefault();
        var hint = suggestion is not null && SpellingSuggestions.Distance(suggestion, name ?? string.Empty, 3, ignoreCase: true) <= 3 ? $"; did you mean \"{suggestion}\"?" : string.Empty;
        return allowed.Count == 0
            ? $"unknown key \"{name}\"{hint}"
            : $"unknown key \"{name}\"{hint} (allowed here: {string.Join(", ", allowed)})";
    }

    private static string FormsOf(JsonSchema? schema)
    {
        var types = schema?.AnyOf.Concat(schema.OneOf).Select(s => s.Type.ToString().ToLowerInvariant()).Distinct().ToList() ?? [];
        return types.Count == 0 ? string.Empty : $" ({string.Join(" or ", types)})";
    }

    private static string? LastSegment(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var trimmed = path.TrimStart('#', '/');
        var dot = trimmed.LastIndexOf('.');
        return dot >= 0 ? trimmed[(dot + 1)..] : trimmed;
    }

    private static void Emit(Node node, StringBuilder json, List<SourceSpan> lineMap)
    {
        void Line(string text, SourceSpan span)
        {
            json.Append(text).Append('\n');
            lineMap.Add(span);
        }

        switch (node)
        {
            case ObjectNode obj:
                Line("{", obj.Span);
                for (var i = 0; i < obj.Properties.Length; i++)
                {
                    var property = obj.Properties[i];
                    Line(JsonConvert.ToString(property.Key) + ":", property.KeySpan);
                    Emit(property.Value, json, lineMap);
                    if (i < obj.Properties.Length - 1)
                    {
                        Line(",", property.Value.Span);
                    }
                }

                Line("}", obj.Span);
                break;
            case ArrayNode array:
                Line("[", array.Span);
                for (var i = 0; i < array.Items.Length; i++)
                {
                    Emit(array.Items[i], json, lineMap);
                    if (i < array.Items.Length - 1)
                    {
                        Line(",", array.Items[i].Span);
                    }
                }

                Line("]", array.Span);
                break;
            case ScalarNode scalar:
                Line(ScalarJson(scalar), scalar.Span);
                break;
            default:
                Line("null", node.Span);
                break;
        }
    }

    private static string ScalarJson(ScalarNode scalar) => scalar.Kind switch
    {
        ScalarKind.Boolean => scalar.Value.ToLowerInvariant(),
        ScalarKind.Null => "null",
        ScalarKind.Number => NumberJson(scalar.Value),
        _ => JsonConvert.ToString(scalar.Value),
    };

    /// <summary>YAML numbers such as 0x1F or 1_000 are not JSON numbers; give the schema an equivalent one.</summary>
    private static string NumberJson(string raw)
    {
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (raw.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(raw[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            return hex.ToString(CultureInfo.InvariantCulture);
        }

        return JsonConvert.ToString(raw);
    }
}
