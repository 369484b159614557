using System.Collections.Immutable;

namespace PolicyGate.Checks;

/// <summary>
/// Per-run rule configuration: level overrides and rules turned off, keyed by rule id or by Access Analyzer
/// issue code (so suppressions written for Access Analyzer keep working).
/// </summary>
public sealed record RuleSettings
{
    public static RuleSettings Default { get; } = new();

    // The values are a class rather than FindingLevel?: framework generics over a value type are compiled at
    // startup on every run, which a pre-commit hook feels; over a class they share code compiled ahead of time.
    private ImmutableDictionary<string, LevelOverride> _overrides =
        ImmutableDictionary<string, LevelOverride>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>The override for a rule id or issue code: found (with a null level for "off"), or not.</summary>
    public bool TryGetOverride(string key, out FindingLevel? level)
    {
        var found = _overrides.TryGetValue(key, out var entry);
        level = entry?.Level;
        return found;
    }

    /// <summary>The level to report at, or null when the rule is off.</summary>
    public FindingLevel? LevelOf(RuleDescriptor rule)
    {
        if (TryGetOverride(rule.Id, out var byId))
        {
            return byId;
        }

        if (rule.AccessAnalyzerIssueCode is { } code && TryGetOverride(code, out var byCode))
        {
            return byCode;
        }

        return rule.DefaultLevel;
    }

    public bool IsEnabled(RuleDescriptor rule) => LevelOf(rule) is not null;

    /// <summary>These settings with a rule id or issue code set to a level (null turns the rule off).</summary>
    public RuleSettings With(string key, FindingLevel? level) => this with { _overrides = _overrides.SetItem(key, new LevelOverride(level)) };

    private sealed record LevelOverride(FindingLevel? Level);
}
