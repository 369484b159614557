using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Checks.Guardrails;

/// <summary>
/// Reads one guard-rail file with <see cref="JsonDocument"/> (no reflection: it runs at startup). Strict, because
/// a typo in a hand-written guard-rail would otherwise weaken a check silently: unknown and repeated fields are
/// errors, and the error names the file and the field.
/// </summary>
internal static partial class GuardrailReader
{
    /// <summary>Larger files are refused before parsing (the biggest shipped one is a few KB).</summary>
    public const int MaxFileCharacters = 1 << 20;

    private static readonly string[] Fields = ["name", "check", "policyType", "summary", "appliesTo", "reference", "actions", "resources"];

    /// <summary>
    /// Parses a guard-rail. <paramref name="sourceName"/> names the file in messages. Throws <see cref="FormatException"/>
    /// naming the file and the field when the text is not a well-formed guard-rail.
    /// </summary>
    public static Guardrail Parse(string json, string sourceName)
    {
        if (json.Length > MaxFileCharacters)
        {
            throw Error(sourceName, $"is {json.Length} characters long; a guard-rail file may have at most {MaxFileCharacters}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Error(sourceName, $"is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(sourceName, $"must be a JSON object, not {Describe(root.ValueKind)}");
            }

            var fields = ReadFields(root, sourceName);
            var name = RequiredText(fields, "name", sourceName);
            if (!NamePattern().IsMatch(name))
            {
                throw Error(sourceName, $"field \"name\" is \"{name}\"; a name is lower-case letters, digits and single hyphens, at most 64 characters");
            }

            var check = RequiredText(fields, "check", sourceName) switch
            {
                "no-new-access" => GuardrailCheck.NoNewAccess,
                "access-not-granted" => GuardrailCheck.AccessNotGranted,
                var other => throw Error(sourceName, $"field \"check\" is \"{other}\"; expected \"no-new-access\" or \"access-not-granted\""),
            };
            var policyTypeText = RequiredText(fields, "policyType", sourceName);
            var policyType = policyTypeText switch
            {
                "identity" => CheckPolicyType.Identity,
                "resource" or "trust" => CheckPolicyType.Resource,
                var other => throw Error(sourceName, $"field \"policyType\" is \"{other}\"; expected \"identity\", \"resource\" or \"trust\""),
            };
            var trustOnly = policyTypeText == "trust";
            var summary = OneLine(fields, "summary", sourceName);
            var appliesTo = OneLine(fields, "appliesTo", sourceName);

            if (check == GuardrailCheck.NoNewAccess)
            {
                Forbid(fields, "actions", "no-new-access", sourceName);
                Forbid(fields, "resources", "no-new-access", sourceName);
                if (!fields.TryGetValue("reference", out var reference))
                {
                    throw Error(sourceName, "field \"reference\" is missing; a no-new-access guard-rail needs a reference policy");
                }

                if (reference.ValueKind != JsonValueKind.Object || !reference.TryGetProperty("Statement", out _))
                {
                    throw Error(sourceName, "field \"reference\" must be an IAM policy document: a JSON object with a \"Statement\"");
                }

                return new Guardrail(name, check, policyType, summary, appliesTo, reference.GetRawText(), [], []) { TrustPoliciesOnly = trustOnly };
            }

            Forbid(fields, "reference", "access-not-granted", sourceName);
            var actions = Strings(fields, "actions", sourceName, required: true);
            foreach (var (action, i) in actions.Select((a, i) => (a, i)))
            {
                if (!ActionPattern().IsMatch(action))
                {
                    throw Error(sourceName, $"field \"actions[{i}]\" is \"{action}\"; an action is service:Name (wildcards * and ? allowed in the name) or \"*\"");
                }
            }

            var resources = Strings(fields, "resources", sourceName, required: false);
            foreach (var (resource, i) in resources.Select((r, i) => (r, i)))
            {
                if (resource != "*" && !resource.StartsWith("arn:", StringComparison.Ordinal))
                {
                    throw Error(sourceName, $"field \"resources[{i}]\" is \"{resource}\"; a resource is an ARN (wildcards allowed) or \"*\"");
                }

                if (resource.Length > AccessAnalyzerLimits.MaxResourceLength)
                {
                    throw Error(sourceName, $"field \"resources[{i}]\" is {resource.Length} characters long; at most {AccessAnalyzerLimits.MaxResourceLength}");
                }
            }

            return new Guardrail(name, check, policyType, summary, appliesTo, null, actions, resources) { TrustPoliciesOnly = trustOnly };
        }
    }

    private static Dictionary<string, JsonElement> ReadFields(JsonElement root, string sourceName)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                var near = Fields.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase));
                throw Error(sourceName, near is null
                    ? $"field \"{property.Name}\" is not a guard-rail field; expected {string.Join(", ", Fields)}"
                    : $"field \"{property.Name}\" is not a guard-rail field; did you mean \"{near}\"?");
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw Error(sourceName, $"field \"{property.Name}\" appears twice");
            }
        }

        return fields;
    }

    private static string RequiredText(Dictionary<string, JsonElement> fields, string field, string sourceName)
    {
        if (!fields.TryGetValue(field, out var value))
        {
            throw Error(sourceName, $"field \"{field}\" is missing");
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            throw Error(sourceName, $"field \"{field}\" must be a non-empty string, not {Describe(value)}");
        }

        return text;
    }

    private static string OneLine(Dictionary<string, JsonElement> fields, string field, string sourceName)
    {
        var text = RequiredText(fields, field, sourceName);
        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0 || string.IsNullOrWhiteSpace(text))
        {
            throw Error(sourceName, $"field \"{field}\" must be one line of text");
        }

        return text.Trim();
    }

    private static void Forbid(Dictionary<string, JsonElement> fields, string field, string check, string sourceName)
    {
        if (fields.ContainsKey(field))
        {
            throw Error(sourceName, $"field \"{field}\" does not belong in a guard-rail whose check is {check}");
        }
    }

    private static ImmutableArray<string> Strings(Dictionary<string, JsonElement> fields, string field, string sourceName, bool required)
    {
        if (!fields.TryGetValue(field, out var value))
        {
            return required ? throw Error(sourceName, $"field \"{field}\" is missing; an access-not-granted guard-rail lists the actions it forbids") : [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(sourceName, $"field \"{field}\" must be an array of strings, not {Describe(value)}");
        }

        var count = value.GetArrayLength();
        if (count == 0 || count > AccessAnalyzerLimits.MaxAccessEntries)
        {
            throw Error(sourceName, $"field \"{field}\" has {count} entries; it needs 1 to {AccessAnalyzerLimits.MaxAccessEntries}");
        }

        var items = ImmutableArray.CreateBuilder<string>(count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, i) in value.EnumerateArray().Select((e, i) => (e, i)))
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } text || text.Trim() != text)
            {
                throw Error(sourceName, $"field \"{field}[{i}]\" must be a non-empty string without surrounding spaces, not {Describe(item)}");
            }

            if (!seen.Add(text))
            {
                throw Error(sourceName, $"field \"{field}[{i}]\" repeats \"{text}\"");
            }

            items.Add(text);
        }

        return items.MoveToImmutable();
    }

    private static string Describe(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : Describe(value.ValueKind);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static FormatException Error(string sourceName, string problem) => new($"guard-rail {sourceName}: {problem}");

    [GeneratedRegex("^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPattern();
}
