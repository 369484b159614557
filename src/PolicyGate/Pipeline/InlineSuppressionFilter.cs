using PolicyGate.Checks;
using PolicyGate.Extraction;

namespace PolicyGate.Pipeline;

/// <summary>
/// The one step that applies suppressions written in scanned files (template Metadata): a finding of the
/// named rule (by id or Access Analyzer issue code) whose location lies inside the suppression's scope is
/// dropped. Tool notifications are never suppressed. Kept separate so that reporting suppressed findings
/// (SARIF suppressions) can replace dropping them.
/// </summary>
public static class InlineSuppressionFilter
{
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<InlineSuppression> suppressions)
    {
        if (suppressions.Count == 0)
        {
            return findings;
        }

        return findings.Where(f => !suppressions.Any(s => Covers(s, f))).ToList();
    }

    public static bool Covers(InlineSuppression suppression, Finding finding) =>
        finding.Rule.Area != RuleArea.Tool
        && (finding.RuleId.Equals(suppression.RuleId, StringComparison.OrdinalIgnoreCase)
            || (finding.Rule.AccessAnalyzerIssueCode?.Equals(suppression.RuleId, StringComparison.OrdinalIgnoreCase) ?? false))
        && finding.Location.Path == suppression.Scope.Path
        && suppression.Scope.Span.Contains(finding.Location.Span);
}
