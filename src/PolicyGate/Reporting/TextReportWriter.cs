using System.Text;
using PolicyGate.Checks;
using PolicyGate.Pipeline;

namespace PolicyGate.Reporting;

/// <summary><c>path:line:col: level PGxxxx message</c>, one per line, then the summary line.</summary>
public sealed class TextReportWriter : IReportWriter
{
    public void Write(ScanReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var finding in report.Findings)
        {
            writer.WriteLine(Line(finding));
        }

        writer.WriteLine(report.SummaryLine());
    }

    public static string Line(Finding finding) =>
        $"{finding.Location.Path}:{finding.Location.Span.StartLine}:{finding.Location.Span.StartColumn}: {finding.Level.Name()} {finding.RuleId} {finding.Message}{Marks(finding)}";

    private static string Marks(Finding finding) =>
        (finding.Baseline == BaselineState.Unchanged ? " (in the baseline)" : string.Empty)
        + (finding.SuppressedBy is { } s ? $" (suppressed: {s.Reason})" : string.Empty);
}
