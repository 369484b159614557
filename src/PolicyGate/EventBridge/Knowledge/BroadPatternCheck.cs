using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>
/// Finds patterns that match every event (each field of some $or combination accepts any value of an
/// envelope field every event has) and patterns that do not say which source or detail-type they want.
/// </summary>
public static class BroadPatternCheck
{
    /// <summary>Envelope fields every event carries as a string.</summary>
    private static readonly HashSet<string> AlwaysPresent = new(["source", "detail-type", "account", "time", "region", "id", "version"], StringComparer.Ordinal);

    /// <summary>The first combination every event satisfies, or null.</summary>
    public static SubRule? MatchesEverything(CompiledPattern pattern) =>
        pattern.SubRules.FirstOrDefault(r => r.Conditions.All(AcceptsEveryEvent));

    /// <summary>The first combination with neither a source nor a detail-type field, or null.</summary>
    public static SubRule? WithoutSource(CompiledPattern pattern) =>
        pattern.SubRules.FirstOrDefault(r => !r.Conditions.Any(c => c.Path is "source" or "detail-type"));

    public static bool AcceptsEveryEvent(Condition condition) =>
        AlwaysPresent.Contains(condition.Path) && condition.Matchers.Any(AcceptsEveryString);

    private static bool AcceptsEveryString(ValueMatcher matcher) => matcher switch
    {
        ExistsMatcher => true,
        PrefixMatcher p => p.Prefix.Length == 0,
        SuffixMatcher s => s.Suffix.Length == 0,
        IgnoreCaseMatcher i => i.Kind != MatcherKind.EqualsIgnoreCase && i.Text.Pattern.Length == 0,
        WildcardMatcher w => w.Wildcard.StarCount == 1 && w.Wildcard.LeadingStar && w.Wildcard.TrailingStar,
        AnythingButMatcher a => a.ExcludedStrings.Count == 0 && a.ExcludedNumbers.Count == 0 && a.Kind != MatcherKind.AnythingButIgnoreCase && a.Kind != MatcherKind.AnythingButWildcard,
        _ => false,
    };
}
