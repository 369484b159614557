using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>
/// Finds what IAM Identity Center's CloudTrail changes of January 2025 broke: patterns and input
/// transformer paths on userIdentity.userName or principalId, type "Unknown" without "IdentityCenterUser",
/// and group displayName (now hidden) in Identity Center events.
/// </summary>
public static class IdentityCenterCheck
{
    public static IReadOnlyList<PatternIssue> InPattern(CompiledPattern pattern, EventSourceCatalog catalog)
    {
        var changes = catalog.IdentityCenter;
        var issues = new PatternIssueList();
        foreach (var rule in pattern.SubRules.Where(r => Covers(r, catalog)))
        {
            foreach (var condition in rule.Conditions)
            {
                if (changes.RemovedFields.TryGetValue(condition.Path, out var replacements))
                {
                    issues.Add(PatternIssueKind.NeverMatches, condition.ValueList,
                        $"since {changes.Effective} IAM Identity Center no longer records {condition.Path} for its users, so this field never matches their events; use {string.Join(", ", replacements)} instead");
                }
                else if (condition.Path == changes.TypeField && PatternScope.AcceptsString(condition, changes.TypeBefore) && !PatternScope.AcceptsString(condition, changes.TypeAfter))
                {
                    issues.Add(PatternIssueKind.NeverMatches, condition.ValueList,
                        $"since {changes.Effective} IAM Identity Center records signed-in users with {changes.TypeField} \"{changes.TypeAfter}\"; \"{changes.TypeBefore}\" now marks unauthenticated requests only, so accept both values");
                }
                else if (IsHiddenGroupName(condition.Path, changes) && !PatternScope.AcceptsString(condition, changes.HiddenValue))
                {
                    issues.Add(PatternIssueKind.NeverMatches, condition.ValueList,
                        $"since {changes.Effective} IAM Identity Center writes \"{changes.HiddenValue}\" instead of the group {changes.HiddenGroupField} in CreateGroup and UpdateGroup events, so this field never matches; read the name with the Identity Store DescribeGroup API");
                }
            }
        }

        return issues.Sorted();
    }

    /// <summary>The problem with an input transformer path for a rule on Identity Center events, or null.</summary>
    public static string? InPath(string jsonPath, EventSourceCatalog catalog)
    {
        var changes = catalog.IdentityCenter;
        if (!jsonPath.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var path = jsonPath[2..];
        if (changes.RemovedFields.TryGetValue(path, out var replacements))
        {
            return $"since {changes.Effective} IAM Identity Center no longer records {path} for its users, so {jsonPath} is empty for their events; use {string.Join(", ", replacements.Select(r => "$." + r))} instead";
        }

        return IsHiddenGroupName(path, changes)
            ? $"since {changes.Effective} IAM Identity Center writes \"{changes.HiddenValue}\" at {jsonPath} in CreateGroup and UpdateGroup events; read the group name with the Identity Store DescribeGroup API"
            : null;
    }

    /// <summary>Whether some combination of the pattern can match Identity Center events affected by the change.</summary>
    public static bool Covers(CompiledPattern pattern, EventSourceCatalog catalog) => pattern.SubRules.Any(r => Covers(r, catalog));

    private static bool Covers(SubRule rule, EventSourceCatalog catalog)
    {
        var changes = catalog.IdentityCenter;
        var source = rule.Conditions.FirstOrDefault(c => c.Path == "source");
        var host = rule.Conditions.FirstOrDefault(c => c.Path == "detail.eventSource");
        var eventName = rule.Conditions.FirstOrDefault(c => c.Path == "detail.eventName");
        if (PatternScope.AcceptsAny(source, changes.Sources) || PatternScope.AcceptsAny(host, HostsOf(changes.Sources, catalog)))
        {
            return true;
        }

        var signIn = PatternScope.AcceptsAny(source, [changes.SignInSource]) || PatternScope.AcceptsAny(host, HostsOf([changes.SignInSource], catalog));
        return signIn && PatternScope.AcceptsAny(eventName, changes.SignInEventNames);
    }

    private static IEnumerable<string> HostsOf(IEnumerable<string> sources, EventSourceCatalog catalog) =>
        sources.SelectMany(s => catalog.Sources.TryGetValue(s, out var k) ? k.EventSources : []);

    private static bool IsHiddenGroupName(string path, IdentityCenterChanges changes) =>
        path.EndsWith("." + changes.HiddenGroupField, StringComparison.Ordinal)
        && changes.HiddenGroupFieldParents.Any(p => path.StartsWith(p + ".", StringComparison.Ordinal));
}
