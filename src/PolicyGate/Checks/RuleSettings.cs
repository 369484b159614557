using System.Collections.Immutable;

namespace PolicyGate.Checks;

/// <summary>
/// Per-run rule configuration: level overrides and rules turned off, keyed by rule id or by Access Analyzer
/// issue code (so suppressions written for Access Analyzer keep working).
/// </summary>
public sealed record RuleSettings
{
    public static RuleSettings Default { get; } = new();

    /// <summary>Rule id or issue code to level; a null level turns the rule off.</summary>
    public ImmutableDictionary<string, FindingLevel?> Overrides { get; init; } =
        ImmutableDictionary<string, FindingLevel?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>The level to report at, or null when the rule is off.</summary>
    public FindingLevel? LevelOf(RuleDescriptor rule)
    {
        if (Overrides.TryGetValue(rule.Id, out var byId))
        {
            return byId;
        }

        if (rule.AccessAnalyzerIssueCode is { } code && Overrides.TryGetValue(code, out var byCode))
        {
            return byCode;
        }

        return rule.DefaultLevel;
    }

    public bool IsEnabled(RuleDescriptor rule) => LevelOf(rule) is not null;

    public RuleSettings With(string key, FindingLevel? level) => this with { Overrides = Overrides.SetItem(key, level) };
}
