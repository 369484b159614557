using System.Collections.Immutable;
using PolicyGate.Discovery;
using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>
/// Binds the CloudFormation keys of policygate.yaml (<c>parameters</c>, <c>pseudo-parameters</c>,
/// <c>import-values</c>, <c>template-configurations</c>) after schema validation, and reads template
/// configuration files. Paths in the configuration are relative to the configuration file.
/// </summary>
public static class CloudFormationSettingsBinder
{
    public static CloudFormationSettings Bind(ObjectNode root, List<ConfigError> errors)
    {
        var settings = CloudFormationSettings.Default;
        if (root["parameters"] is ObjectNode parameters)
        {
            settings = settings with { Parameters = Values(parameters) };
        }

        if (root["import-values"] is ObjectNode imports)
        {
            settings = settings with { ImportValues = Values(imports) };
        }

        if (root["pseudo-parameters"] is ObjectNode pseudo)
        {
            var values = settings.PseudoParameters;
            foreach (var property in pseudo.Properties)
            {
                values = values.With(property.Key, ValueOf(property.Value)) ?? values;
            }

            settings = settings with { PseudoParameters = values };
        }

        if (root["template-configurations"] is ArrayNode bindings)
        {
            var directory = Path.GetDirectoryName(root.File.FullPath) ?? ".";
            var list = ImmutableArray.CreateBuilder<TemplateConfigurationBinding>();
            foreach (var entry in bindings.Items.OfType<ObjectNode>())
            {
                var templates = entry["templates"] switch
                {
                    ScalarNode one => [one.Value],
                    ArrayNode many => many.Items.OfType<ScalarNode>().Select(s => s.Value).ToList(),
                    _ => new List<string>(),
                };
                if (entry["file"] is not ScalarNode file)
                {
                    continue;
                }

                var full = Path.GetFullPath(file.Value, directory);
                var loaded = TemplateConfigurationFile.Load(full, file.Value);
                if (loaded.Errors.Count > 0)
                {
                    errors.AddRange(loaded.Errors.Select(e => e.Location.Path == file.Value && e.Location.Span == SourceSpan.FileStart
                        ? new ConfigError(file.Location, e.Message)
                        : e));
                    continue;
                }

                list.Add(new TemplateConfigurationBinding(templates.Select(t => GlobPattern.Parse(t)).ToImmutableArray(), loaded.Configuration!));
            }

            settings = settings with { TemplateConfigurations = list.ToImmutable() };
        }

        return settings;
    }

    /// <summary>Parses <c>KEY=VALUE</c> (split at the first '='); null when there is no '=' or no key.</summary>
    public static KeyValuePair<string, ParameterValue>? ParseAssignment(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            return null;
        }

        return new KeyValuePair<string, ParameterValue>(text[..equals].Trim(), ParameterValue.Of(text[(equals + 1)..]));
    }

    internal static ImmutableSortedDictionary<string, ParameterValue> Values(ObjectNode map) =>
        map.Properties
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => ValueOf(g.Last().Value), StringComparer.Ordinal);

    /// <summary>A scalar is its text (numbers and booleans as written); a list is its items' texts.</summary>
    internal static ParameterValue ValueOf(Node node) => node switch
    {
        ArrayNode list => ParameterValue.ListOf(list.Items.Select(TextOf)),
        _ => ParameterValue.Of(TextOf(node)),
    };

    private static string TextOf(Node node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Null } => string.Empty,
        ScalarNode s => s.Value,
        _ => string.Empty,
    };
}

/// <summary>
/// A template configuration file, in any of the three shapes people use: CodePipeline's
/// <c>{"Parameters": {"K": "V"}}</c> (Tags and StackPolicy are ignored), the CloudFormation CLI's
/// <c>[{"ParameterKey": "K", "ParameterValue": "V"}]</c>, and <c>["K=V", ...]</c>. JSON or YAML.
/// </summary>
public static class TemplateConfigurationFile
{
    public sealed record Result(TemplateConfiguration? Configuration, IReadOnlyList<ConfigError> Errors);

    public static Result Load(string fullPath, string reportPath)
    {
        if (!File.Exists(fullPath))
        {
            return new Result(null, [new ConfigError(new SourceLocation(reportPath, SourceSpan.FileStart), $"template configuration file {reportPath} does not exist")]);
        }

        var loaded = new DocumentLoader(LoadLimits.Default).Load(fullPath, reportPath);
        if (!loaded.Diagnostics.IsEmpty || loaded.Documents.Length != 1)
        {
            var errors = loaded.Diagnostics.Select(d => new ConfigError(new SourceLocation(reportPath, d.Span), d.Message)).ToList();
            if (errors.Count == 0)
            {
                errors.Add(new ConfigError(new SourceLocation(reportPath, SourceSpan.FileStart), "a template configuration file holds exactly one JSON or YAML document"));
            }

            return new Result(null, errors);
        }

        return Read(loaded.Documents[0], reportPath);
    }

    public static Result Read(Node root, string reportPath)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
        var errors = new List<ConfigError>();
        switch (root)
        {
            case ObjectNode obj when obj["Parameters"] is ObjectNode parameters:
                foreach (var property in parameters.Properties)
                {
                    if (property.Value is ObjectNode)
                    {
                        errors.Add(new ConfigError(property.Value.Location, $"parameter \"{property.Key}\" must be a string, a number or a list"));
                        continue;
                    }

                    values[property.Key] = CloudFormationSettingsBinder.ValueOf(property.Value);
                }

                break;
            case ArrayNode list:
                foreach (var item in list.Items)
                {
                    if (item is ObjectNode { } pair && pair["ParameterKey"] is ScalarNode key)
                    {
                        values[key.Value] = pair["ParameterValue"] is { } v ? CloudFormationSettingsBinder.ValueOf(v) : ParameterValue.Of(string.Empty);
                    }
                    else if (item is ScalarNode { IsString: true } text && CloudFormationSettingsBinder.ParseAssignment(text.Value) is { } assignment)
                    {
                        values[assignment.Key] = assignment.Value;
                    }
                    else
                    {
                        errors.Add(new ConfigError(item.Location, "each entry must be {\"ParameterKey\": ..., \"ParameterValue\": ...} or \"KEY=VALUE\""));
                    }
                }

                break;
            default:
                errors.Add(new ConfigError(root.Location, "a template configuration file is {\"Parameters\": {...}}, a list of {\"ParameterKey\", \"ParameterValue\"} or a list of \"KEY=VALUE\""));
                break;
        }

        return errors.Count > 0
            ? new Result(null, errors)
            : new Result(new TemplateConfiguration(reportPath, values.ToImmutable()), []);
    }
}
