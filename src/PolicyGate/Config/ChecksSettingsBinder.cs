using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks.Guardrails;
using PolicyGate.Discovery;
using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>
/// Binds the <c>checks</c> section after schema validation: resolves guard-rail names, reads reference policy
/// files (relative to the configuration file) and reports what the schema cannot see (a missing or invalid
/// reference, an unknown guard-rail, a guard-rail of the other kind, a reference without a policy type).
/// </summary>
public static class ChecksSettingsBinder
{
    public static ChecksSettings Bind(ObjectNode section, List<ConfigError> errors)
    {
        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(section.File.FullPath)) ?? ".";
        var noNewAccess = ImmutableArray.CreateBuilder<NoNewAccessSetting>();
        foreach (var entry in Entries(section["no-new-access"]))
        {
            if (BindNoNewAccess(entry, configDirectory, errors) is { } setting)
            {
                noNewAccess.Add(setting);
            }
        }

        var accessNotGranted = ImmutableArray.CreateBuilder<AccessNotGrantedSetting>();
        foreach (var entry in Entries(section["access-not-granted"]))
        {
            if (BindAccessNotGranted(entry, errors) is { } setting)
            {
                accessNotGranted.Add(setting);
            }
        }

        return new ChecksSettings
        {
            NoNewAccess = noNewAccess.ToImmutable(),
            AccessNotGranted = accessNotGranted.ToImmutable(),
            NoPublicAccess = section["no-public-access"] is not ScalarNode flag || !flag.Value.Equals("false", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static NoNewAccessSetting? BindNoNewAccess(ObjectNode entry, string configDirectory, List<ConfigError> errors)
    {
        var location = entry.Location;
        var type = PolicyTypeOf(entry);
        if (Text(entry["guardrail"]) is { } name)
        {
            if (Guardrail(entry, name, GuardrailCheck.NoNewAccess, errors) is not { } guardrail)
            {
                return null;
            }

            return new NoNewAccessSetting(Text(entry["name"]) ?? guardrail.Name, guardrail.ReferencePolicyJson!, type ?? guardrail.PolicyType, Scope(entry, type ?? guardrail.PolicyType, guardrail.TrustPoliciesOnly), location);
        }

        if (entry["reference"] is not ScalarNode reference)
        {
            errors.Add(new ConfigError(location, "a no-new-access check needs \"guardrail\" (a built-in reference) or \"reference\" (a policy file)"));
            return null;
        }

        if (type is null)
        {
            errors.Add(new ConfigError(location, $"the no-new-access check with reference {reference.Value} needs \"policy-type\": identity or resource"));
            return null;
        }

        var full = Path.GetFullPath(reference.Value, configDirectory);
        if (!File.Exists(full))
        {
            errors.Add(new ConfigError(reference.Location, $"the reference policy {reference.Value} does not exist (paths are relative to the configuration file)"));
            return null;
        }

        var loaded = new DocumentLoader(LoadLimits.Default).Load(full, reference.Value);
        if (loaded.Diagnostics.FirstOrDefault(d => d.Kind != DiagnosticKind.DuplicateKey) is { } problem)
        {
            errors.Add(new ConfigError(reference.Location, $"the reference policy {reference.Value} cannot be read: line {problem.Span.StartLine}: {problem.Message}"));
            return null;
        }

        if (loaded.Documents is not [ObjectNode policy])
        {
            errors.Add(new ConfigError(reference.Location, $"the reference policy {reference.Value} must hold one policy document (a JSON or YAML object)"));
            return null;
        }

        return new NoNewAccessSetting(Text(entry["name"]) ?? reference.Value, JsonText.Compact(policy), type.Value, Scope(entry, type), location);
    }

    private static AccessNotGrantedSetting? BindAccessNotGranted(ObjectNode entry, List<ConfigError> errors)
    {
        var type = PolicyTypeOf(entry);
        var actions = Strings(entry["actions"]);
        var resources = Strings(entry["resources"]);
        var name = Text(entry["name"]);
        if (Text(entry["guardrail"]) is { } guardrailName)
        {
            if (Guardrail(entry, guardrailName, GuardrailCheck.AccessNotGranted, errors) is not { } guardrail)
            {
                return null;
            }

            if (!actions.IsEmpty || !resources.IsEmpty)
            {
                errors.Add(new ConfigError(entry.Location, $"the access-not-granted check \"{guardrailName}\" takes its actions and resources from the guard-rail; remove \"actions\" and \"resources\" or the guard-rail"));
                return null;
            }

            return new AccessNotGrantedSetting(name ?? guardrail.Name, guardrail.Actions, guardrail.Resources, Scope(entry, type ?? guardrail.PolicyType, guardrail.TrustPoliciesOnly), entry.Location);
        }

        if (actions.IsEmpty && resources.IsEmpty)
        {
            errors.Add(new ConfigError(entry.Location, "an access-not-granted check needs \"guardrail\", or \"actions\" and/or \"resources\""));
            return null;
        }

        return new AccessNotGrantedSetting(name ?? DefaultName(actions, resources), actions, resources, Scope(entry, type), entry.Location);
    }

    private static Guardrail? Guardrail(ObjectNode entry, string name, GuardrailCheck expected, List<ConfigError> errors)
    {
        var location = entry["guardrail"]!.Location;
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return OwnGuardrail(entry, name, expected, errors);
        }

        var guardrail = GuardrailCatalog.BuiltIn.Find(name);
        if (guardrail is null)
        {
            var names = GuardrailCatalog.BuiltIn.All.Where(g => g.Check == expected).Select(g => g.Name).ToList();
            var hint = Spelling.SpellingSuggestions.Nearest(name, names, 3, ignoreCase: true) is { } close ? $"; did you mean {close}?" : string.Empty;
            errors.Add(new ConfigError(location, $"unknown guard-rail \"{name}\"{hint} (built-in: {string.Join(", ", names)})"));
            return null;
        }

        if (guardrail.Check != expected)
        {
            var section = guardrail.Check == GuardrailCheck.NoNewAccess ? "no-new-access" : "access-not-granted";
            errors.Add(new ConfigError(location, $"the guard-rail \"{name}\" is a {section} check; list it under checks.{section}"));
            return null;
        }

        return guardrail;
    }

    /// <summary>A team's own guard-rail file (docs/guardrails.md, "Writing your own"), relative to the configuration file.</summary>
    private static Guardrail? OwnGuardrail(ObjectNode entry, string path, GuardrailCheck expected, List<ConfigError> errors)
    {
        var location = entry["guardrail"]!.Location;
        var full = Path.GetFullPath(path, Path.GetDirectoryName(Path.GetFullPath(entry.File.FullPath)) ?? ".");
        Guardrail guardrail;
        try
        {
            guardrail = GuardrailCatalog.Parse(File.ReadAllText(full), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.Add(new ConfigError(location, ex is FormatException ? ex.Message : $"the guard-rail file {path} cannot be read (paths are relative to the configuration file): {ex.Message}"));
            return null;
        }

        if (guardrail.Check != expected)
        {
            var section = guardrail.Check == GuardrailCheck.NoNewAccess ? "no-new-access" : "access-not-granted";
            errors.Add(new ConfigError(location, $"the guard-rail {path} is a {section} check; list it under checks.{section}"));
            return null;
        }

        return guardrail;
    }

    private static string DefaultName(ImmutableArray<string> actions, ImmutableArray<string> resources)
    {
        var what = actions.IsEmpty ? "any action" : string.Join(", ", actions.Take(3)) + (actions.Length > 3 ? $" and {actions.Length - 3} more" : string.Empty);
        return resources.IsEmpty ? what : $"{what} on {string.Join(", ", resources.Take(2))}{(resources.Length > 2 ? $" and {resources.Length - 2} more" : string.Empty)}";
    }

    /// <summary>The entry's conditions; "policy-type: trust" (or a guard-rail written for trust policies) limits it to role trust policies.</summary>
    private static CheckScope Scope(ObjectNode entry, CheckPolicyType? type, bool trustOnly = false) => new(
        Strings(entry["files"]).Select(g => GlobPattern.Parse(g)).ToImmutableArray(),
        Strings(entry["logical-ids"]).Select(g => GlobPattern.Parse(g)).ToImmutableArray(),
        Strings(entry["resource-types"]),
        type)
    {
        TrustPoliciesOnly = Text(entry["policy-type"]) is { } text ? text.Trim().StartsWith("trust", StringComparison.OrdinalIgnoreCase) : trustOnly,
    };

    private static CheckPolicyType? PolicyTypeOf(ObjectNode entry) =>
        Text(entry["policy-type"]) is { } text && PolicyTypeNames.TryParse(text, out var type)
            ? type == ValidatePolicyType.Identity ? CheckPolicyType.Identity : CheckPolicyType.Resource
            : null;

    private static IEnumerable<ObjectNode> Entries(Node? node) => node is ArrayNode array ? array.Items.OfType<ObjectNode>() : [];

    private static string? Text(Node? node) => node is ScalarNode { Kind: not ScalarKind.Null } s ? s.Value : null;

    private static ImmutableArray<string> Strings(Node? node) =>
        node is ArrayNode array ? array.Items.OfType<ScalarNode>().Select(s => s.Value).ToImmutableArray() : [];
}
