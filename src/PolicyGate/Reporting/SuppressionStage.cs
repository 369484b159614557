using PolicyGate.Checks;
using PolicyGate.Checks.Adoption;
using PolicyGate.Discovery;

namespace PolicyGate.Reporting;

/// <summary>
/// Joins the suppressions written in templates (in-source) and in policygate.yaml (external) with the findings:
/// a matching finding is marked suppressed (kept, with its justification, but never blocking); an expired
/// suppression suppresses nothing and is itself reported (PG9200) at the place it is written. In-source
/// suppressions are tried first (they are the most specific), then external ones in file order.
/// Notifications about suppressions (PG9200–PG9299) cannot be suppressed.
/// </summary>
public sealed class SuppressionStage
{
    private readonly IReadOnlyList<(Suppression Suppression, GlobPattern? Glob)> _active;
    private readonly IReadOnlyList<Finding> _expired;

    public SuppressionStage(IEnumerable<Suppression> suppressions, DateOnly today)
    {
        var all = suppressions.OrderBy(s => s.Kind == SuppressionKind.InSource ? 0 : 1).ToList();
        _active = all
            .Where(s => !s.IsExpiredOn(today))
            .Select(s => (s, s.PathGlob is null ? null : GlobPattern.Parse(s.PathGlob)))
            .ToList();
        _expired = all.Where(s => s.IsExpiredOn(today)).Select(Expired).ToList();
    }

    public IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings)
    {
        if (_active.Count == 0 && _expired.Count == 0)
        {
            return findings;
        }

        var result = new List<Finding>(findings.Count + _expired.Count);
        foreach (var finding in findings)
        {
            var match = IsAdoptionNotification(finding.Rule) ? null : _active.FirstOrDefault(a => Covers(a.Suppression, a.Glob, finding)).Suppression;
            result.Add(match is null ? finding : finding with { SuppressedBy = match });
        }

        result.AddRange(_expired);
        result.Sort(FindingOrder.Instance);
        return result;
    }

    private static bool Covers(Suppression suppression, GlobPattern? glob, Finding finding)
    {
        if (!NamesRule(suppression.Rule, finding))
        {
            return false;
        }

        if (suppression.Kind == SuppressionKind.InSource)
        {
            return finding.Location.Path == suppression.Origin.Path
                   && (suppression.Scope is not { } scope || scope.Contains(finding.Location.Span));
        }

        return (glob is null || glob.MatchesFileOrAncestor(finding.Location.Path))
               && (suppression.LogicalId is null
                   || (finding.Properties.TryGetValue(FindingProperties.LogicalId, out var logicalId) && logicalId == suppression.LogicalId));
    }

    private static bool NamesRule(string rule, Finding finding) =>
        rule.Equals(finding.RuleId, StringComparison.OrdinalIgnoreCase)
        || rule.Equals(finding.Rule.AccessAnalyzerIssueCode, StringComparison.OrdinalIgnoreCase)
        || (finding.Properties.TryGetValue(FindingProperties.IssueCode, out var code) && rule.Equals(code, StringComparison.OrdinalIgnoreCase));

    private static bool IsAdoptionNotification(RuleDescriptor rule) =>
        string.CompareOrdinal(rule.Id, "PG9200") >= 0 && string.CompareOrdinal(rule.Id, "PG9299") <= 0;

    private static Finding Expired(Suppression suppression)
    {
        var scope = suppression.Kind == SuppressionKind.InSource ? "in this template"
            : suppression.PathGlob is null ? "in every file" : $"in {suppression.PathGlob}";
        var resource = suppression.LogicalId is null ? string.Empty : $" for {suppression.LogicalId}";
        return new Finding(
            AdoptionNotifications.ExpiredSuppression,
            AdoptionNotifications.ExpiredSuppression.DefaultLevel,
            $"the suppression of {suppression.Rule} {scope}{resource} expired on {suppression.Expires:yyyy-MM-dd} (reason given: \"{suppression.Reason}\"); the findings it covered are reported again",
            suppression.Origin);
    }
}
