using System.Collections.Immutable;
using System.Globalization;
using PolicyGate.Checks;
using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>The configuration, or the located reasons it could not be used.</summary>
public sealed record ConfigLoadResult(PolicyGateConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    public bool Succeeded => Config is not null && Errors.Count == 0;
}

/// <summary>Reads policygate.yaml: parse, validate against the schema, then bind to <see cref="PolicyGateConfig"/>.</summary>
public static class ConfigLoader
{
    public const string DefaultFileName = "policygate.yaml";

    public static ConfigLoadResult Load(string fullPath, string reportPath)
    {
        var loaded = new DocumentLoader(LoadLimits.Default).Load(fullPath, reportPath);
        var errors = loaded.Diagnostics
            .Select(d => new ConfigError(new SourceLocation(reportPath, d.Span), d.Message))
            .ToList();
        if (errors.Count > 0)
        {
            return new ConfigLoadResult(null, errors);
        }

        if (loaded.Documents.IsEmpty)
        {
            return new ConfigLoadResult(PolicyGateConfig.Default with { SourcePath = reportPath }, []);
        }

        if (loaded.Documents.Length > 1)
        {
            return new ConfigLoadResult(null, [new ConfigError(new SourceLocation(reportPath, loaded.Documents[1].Span), "a configuration file holds one YAML document, not several")]);
        }

        return Bind(loaded.Documents[0], reportPath);
    }

    /// <summary>Validates and binds an already loaded configuration document.</summary>
    public static ConfigLoadResult Bind(Node root, string reportPath)
    {
        if (root is ScalarNode { Kind: ScalarKind.Null })
        {
            return new ConfigLoadResult(PolicyGateConfig.Default with { SourcePath = reportPath }, []);
        }

        // A text already validated needs no second validation (see ValidConfigCache: it saves NJsonSchema's start-up).
        var text = root.File.Text;
        var known = text is not null && ValidConfigCache.Default.IsKnownValid(text, root.Span);
        var errors = known ? [] : ConfigSchema.Instance.Validate(root);
        if (errors.Count > 0)
        {
            return new ConfigLoadResult(null, errors);
        }

        if (!known && text is not null)
        {
            ValidConfigCache.Default.RememberValid(text, root.Span);
        }

        var obj = (ObjectNode)root;
        var config = PolicyGateConfig.Default with { SourcePath = reportPath };
        if (obj["include"] is ArrayNode include)
        {
            config = config with { Include = Strings(include) };
        }

        if (obj["exclude"] is ArrayNode exclude)
        {
            config = config with { Exclude = Strings(exclude) };
        }

        if (obj["gitignore"] is ScalarNode gitignore)
        {
            config = config with { UseGitIgnore = gitignore.Value.Equals("true", StringComparison.OrdinalIgnoreCase) };
        }

        if (obj["max-file-size"] is ScalarNode size)
        {
            if (!TryParseSize(size.Value, out var bytes))
            {
                return new ConfigLoadResult(null, [new ConfigError(size.Location, $"\"max-file-size\" {size.Value} is not a size such as 16MB")]);
            }

            config = config with { MaxFileBytes = bytes };
        }

        if (obj["fail-on"] is ScalarNode failOn)
        {
            config = config with { FailOn = failOn.Value };
        }

        if (obj["aws"] is ObjectNode aws)
        {
            config = config with { Aws = AwsSettings.Bind(aws) };
        }

        if (obj["rules"] is ObjectNode rules)
        {
            var settings = RuleSettings.Default;
            foreach (var rule in rules.Properties)
            {
                var value = ((ScalarNode)rule.Value).Value;
                settings = settings.With(rule.Key, FindingLevels.TryParse(value, out var level) ? level : null);
            }

            config = config with { Rules = settings };
        }

        // Each section's binder checks what the schema cannot (cross-field rules, dates, files) into one list.
        var sectionErrors = new List<ConfigError>();
        config = config with
        {
            CloudFormation = CloudFormationSettingsBinder.Bind(obj, sectionErrors),
            Adoption = AdoptionSettingsBinder.Bind(obj, sectionErrors),
            Events = obj["events"] is ObjectNode events ? EventsSettingsBinder.Bind(events, reportPath, sectionErrors) : EventsSettings.Default,
            Checks = obj["checks"] is ObjectNode checks ? ChecksSettingsBinder.Bind(checks, sectionErrors) : ChecksSettings.Default,
        };
        if (sectionErrors.Count > 0)
        {
            return new ConfigLoadResult(null, sectionErrors);
        }

        return new ConfigLoadResult(config, []);
    }

    /// <summary>Bytes from "1048576", "512KB", "16MB", "1.5GiB" (KB and KiB both mean 1024).</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        var multiplier = trimmed[unitStart..].ToUpperInvariant() switch
        {
            "" or "B" => 1L,
            "KB" or "KIB" => 1024L,
            "MB" or "MIB" => 1024L * 1024,
            "GB" or "GIB" => 1024L * 1024 * 1024,
            _ => 0L,
        };
        if (multiplier == 0 || !decimal.TryParse(trimmed[..unitStart].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return false;
        }

        bytes = (long)Math.Min(long.MaxValue, number * multiplier);
        return true;
    }

    private static ImmutableArray<string> Strings(ArrayNode array) =>
        array.Items.OfType<ScalarNode>().Select(s => s.Value).ToImmutableArray();
}
