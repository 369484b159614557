using System.Collections.Immutable;
using System.Text;
using PolicyGate.Checks;
using PolicyGate.Documents;
using PolicyGate.Pipeline;
using PolicyGate.Reporting;

namespace PolicyGate.Tests.Reporting;

/// <summary>Builds findings and reports directly, for writer tests that need exact control over the input.</summary>
internal static class ReportTestKit
{
    public static readonly RuleDescriptor ErrorRule = new("PG2002", "InvalidEffect", RuleArea.PolicyValidation, FindingLevel.Error, "s", "f", new RuleHelp("h", "b", "g"));
    public static readonly RuleDescriptor WarningRule = new("PG1004", "FileTooLarge", RuleArea.Parsing, FindingLevel.Warning, "s", "f", new RuleHelp("h", "b", "g"));
    public static readonly RuleDescriptor NoteRule = new("PG2099", "SomeNote", RuleArea.PolicyValidation, FindingLevel.Note, "s", "f", new RuleHelp("h", "b", "g")) { AccessAnalyzerIssueCode = "SOME_CODE" };

    public static Finding Finding(RuleDescriptor rule, string path, int line, string message = "problem", int column = 3) =>
        new(rule, rule.DefaultLevel, message, new SourceLocation(path, new SourceSpan(line, column, line, column + 5)));

    public static ScanReport Report(IEnumerable<Finding> findings, bool hasBaseline = false) =>
        new(ToolInfo.Current, [ErrorRule, WarningRule, NoteRule], findings.Order(FindingOrder.Instance).ToList(), new ScanSummary
        {
            FilesScanned = 3,
            Documents = DocumentCounts.None,
            HasBaseline = hasBaseline,
        });

    public static string Write(IReportWriter writer, ScanReport report)
    {
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
