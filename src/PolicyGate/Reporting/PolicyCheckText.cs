using System.Text;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Reporting;

/// <summary>
/// A single check's answer for a reader: the verdict and message, then per reason the statement's place in the
/// file, the description, the explanation and the counterexample request, then which engine answered and why
/// (and, for the AWS engine, its calls).
/// </summary>
public static class PolicyCheckText
{
    public static string Render(PolicyCheckReport report, string subjectPath)
    {
        var result = report.Result;
        var text = new StringBuilder();
        var verdict = result.Result == CheckVerdict.Pass ? "PASS" : result.Undecided ? "FAIL (could not prove)" : "FAIL";
        text.Append($"{verdict}: {result.Message}\n");
        for (var i = 0; i < result.Reasons.Length; i++)
        {
            var reason = result.Reasons[i];
            var at = i < report.ReasonLocations.Length && report.ReasonLocations[i] is { } location
                ? $"{location.Path}:{location.Span.StartLine}:{location.Span.StartColumn}"
                : subjectPath;
            text.Append($"{at}: {reason.Description}\n");
            if (reason.Explanation is { } explanation)
            {
                text.Append($"    {explanation}\n");
            }

            if (reason.Counterexample is { } counterexample)
            {
                text.Append($"    counterexample: {Describe(counterexample)}\n");
            }
        }

        if (report.ExistingPolicySource is { } source)
        {
            text.Append($"existing policy: {source}\n");
        }

        text.Append(report.EngineReason).Append('\n');
        if (report.AwsStatistics is { } statistics)
        {
            text.Append(statistics.ToSummaryText()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"principal P, action A, resource R, context k=v, k2=[a, b], k3 absent" ("no context keys" when the request carries no keys).</summary>
    public static string Describe(Counterexample counterexample)
    {
        var parts = new List<string>();
        if (counterexample.Principal is { } principal)
        {
            parts.Add($"principal {principal}");
        }

        parts.Add($"action {counterexample.Action}");
        parts.Add($"resource {counterexample.Resource}");
        var context = counterexample.Context.Select(kv => kv.Value switch
        {
            { IsDefaultOrEmpty: true } => $"{kv.Key} absent",
            [var single] => $"{kv.Key}={single}",
            var values => $"{kv.Key}=[{string.Join(", ", values)}]",
        });
        parts.Add(counterexample.Context.IsEmpty ? "no context keys" : $"context {string.Join(", ", context)}");
        return string.Join(", ", parts);
    }
}
