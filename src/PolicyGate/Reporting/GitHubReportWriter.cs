using System.Globalization;
using System.Text;
using PolicyGate.Checks;
using PolicyGate.Pipeline;

namespace PolicyGate.Reporting;

/// <summary>
/// <c>--format github</c>: one annotation per finding as a workflow command, most severe first, because GitHub
/// shows at most ten annotations of each level per step (and fifty per job) and drops the rest silently.
/// At most ten errors, ten warnings and ten notices are written; when findings are left out, the last notice
/// says how many and where to find them (the job summary, the SARIF report). Findings already in the baseline
/// are not annotated (they are counted in that notice). The summary line closes the output.
/// </summary>
public sealed class GitHubReportWriter : IReportWriter
{
    /// <summary>GitHub's display limit per level and step.</summary>
    public const int PerLevelLimit = 10;

    public void Write(ScanReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var annotated = report.Open.Where(f => f.Baseline != BaselineState.Unchanged).ToList();
        var inBaseline = report.Open.Count(f => f.Baseline == BaselineState.Unchanged);
        var byLevel = annotated.GroupBy(f => f.Level).ToDictionary(g => g.Key, g => g.Order(FindingOrder.Instance).ToList());
        var total = annotated.Count;
        var overflow = byLevel.Values.Any(l => l.Count > PerLevelLimit) || inBaseline > 0;
        var written = 0;
        foreach (var level in new[] { FindingLevel.Error, FindingLevel.Warning, FindingLevel.Note })
        {
            // The closing notice takes one of the ten notice slots.
            var limit = level == FindingLevel.Note && overflow ? PerLevelLimit - 1 : PerLevelLimit;
            foreach (var finding in byLevel.GetValueOrDefault(level, []).Take(limit))
            {
                writer.WriteLine(Annotation(finding));
                written++;
            }
        }

        if (total > written || inBaseline > 0)
        {
            var parts = new List<string>();
            if (total > written)
            {
                parts.Add($"{total - written} more finding{(total - written == 1 ? " is" : "s are")} not annotated (GitHub shows at most {PerLevelLimit} annotations per level in a step)");
            }

            if (inBaseline > 0)
            {
                parts.Add($"{inBaseline} finding{(inBaseline == 1 ? " is" : "s are")} already in the baseline and not annotated");
            }

            writer.WriteLine(WorkflowCommand.Format("notice", [("title", "PolicyGate")], $"{string.Join("; ", parts)}: see the job summary or the SARIF report for all of them"));
        }

        writer.WriteLine(report.SummaryLine());
    }

    public static string Annotation(Finding finding)
    {
        var span = finding.Location.Span;
        var command = finding.Level switch
        {
            FindingLevel.Error => "error",
            FindingLevel.Warning => "warning",
            _ => "notice",
        };
        return WorkflowCommand.Format(
            command,
            [
                ("file", finding.Location.Path),
                ("line", span.StartLine.ToString(CultureInfo.InvariantCulture)),
                ("endLine", span.EndLine.ToString(CultureInfo.InvariantCulture)),
                ("col", span.StartColumn.ToString(CultureInfo.InvariantCulture)),
                ("endColumn", span.EndColumn.ToString(CultureInfo.InvariantCulture)),
                ("title", $"{finding.RuleId} {finding.Rule.Name}"),
            ],
            finding.Message);
    }
}
