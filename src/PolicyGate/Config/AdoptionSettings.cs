using System.Collections.Immutable;
using System.Globalization;
using PolicyGate.Checks;
using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>
/// How a repository adopts PolicyGate gradually: the suppressions of policygate.yaml (each with a reason and
/// optionally an expiry date) and the baseline file that <c>--baseline</c> and <c>policygate baseline</c> use
/// by default.
/// </summary>
public sealed record AdoptionSettings
{
    public static AdoptionSettings Default { get; } = new();

    public ImmutableArray<Suppression> Suppressions { get; init; } = [];

    /// <summary>The baseline SARIF file, relative to the configuration file's directory; null when not configured.</summary>
    public string? BaselinePath { get; init; }
}

/// <summary>Binds the <c>suppressions</c> and <c>baseline</c> keys after schema validation.</summary>
public static class AdoptionSettingsBinder
{
    public static AdoptionSettings Bind(ObjectNode root, List<ConfigError> errors)
    {
        var settings = AdoptionSettings.Default;
        if (root["baseline"] is ScalarNode baseline)
        {
            var directory = Path.GetDirectoryName(root.File.FullPath) ?? ".";
            settings = settings with { BaselinePath = Path.GetFullPath(baseline.Value, directory) };
        }

        if (root["suppressions"] is not ArrayNode entries)
        {
            return settings;
        }

        var suppressions = ImmutableArray.CreateBuilder<Suppression>();
        foreach (var entry in entries.Items.OfType<ObjectNode>())
        {
            var rule = (ScalarNode)entry["rule"]!;
            var reason = (ScalarNode)entry["reason"]!;
            DateOnly? expires = null;
            if (entry["expires"] is ScalarNode date)
            {
                if (!DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    errors.Add(new ConfigError(date.Location, $"\"expires\" {date.Value} is not a date such as 2027-03-31"));
                    continue;
                }

                expires = day;
            }

            suppressions.Add(new Suppression(SuppressionKind.External, rule.Value, reason.Value.Trim(), new SourceLocation(root.File.Path, entry.Span))
            {
                PathGlob = (entry["path"] as ScalarNode)?.Value,
                LogicalId = (entry["logical-id"] as ScalarNode)?.Value,
                Expires = expires,
            });
        }

        return settings with { Suppressions = suppressions.ToImmutable() };
    }
}
