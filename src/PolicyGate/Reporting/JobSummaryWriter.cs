using System.Globalization;
using System.Text;
using PolicyGate.Checks;
using PolicyGate.Pipeline;

namespace PolicyGate.Reporting;

/// <summary>What the job summary says besides the report: facts about this run that never go into SARIF or JSON.</summary>
public sealed record RunFacts(TimeSpan Elapsed)
{
    /// <summary>Prefix of links to files at the scanned commit (<c>https://github.com/o/r/blob/SHA/</c>), or null for plain text locations.</summary>
    public string? BlobUrl { get; init; }

    /// <summary>From the Actions environment: <c>GITHUB_SERVER_URL</c>, <c>GITHUB_REPOSITORY</c> and <c>GITHUB_SHA</c>.</summary>
    public static string? BlobUrlFrom(Func<string, string?> environment)
    {
        var server = environment("GITHUB_SERVER_URL");
        var repository = environment("GITHUB_REPOSITORY");
        var sha = environment("GITHUB_SHA");
        return string.IsNullOrEmpty(server) || string.IsNullOrEmpty(repository) || string.IsNullOrEmpty(sha)
            ? null
            : $"{server.TrimEnd('/')}/{repository}/blob/{sha}/";
    }
}

/// <summary>
/// The Markdown job summary of a GitHub Actions step (<c>$GITHUB_STEP_SUMMARY</c>): the verdict, counts by rule
/// and level, the worst findings with links to their file and lines, the engine and the time taken. GitHub
/// refuses summaries over 1 MiB; this one lists at most <see cref="MaxListed"/> findings with messages cut to
/// <see cref="MaxMessageChars"/> characters and stops adding rows at <see cref="MaxBytes"/>.
/// Text from scanned files is escaped so it cannot add Markdown or HTML of its own.
/// </summary>
public static class JobSummaryWriter
{
    public const int MaxListed = 50;
    public const int MaxMessageChars = 400;
    public const int MaxBytes = 256 * 1024;

    public static string Render(ScanReport report, RunFacts facts)
    {
        var md = new StringBuilder();
        var open = report.Open.ToList();
        var verdict = report.Errors + report.Warnings + report.Notes == 0 ? "no findings" : $"{Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {Count(report.Notes, "note")}";
        md.Append("## PolicyGate: ").Append(verdict).Append("\n\n");
        md.Append(Escape(report.SummaryLine())).Append(".  \n");
        md.Append("Engine: ").Append(Escape(report.Summary.Engine)).Append(". Time taken: ")
            .Append(facts.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)).Append(" s.\n\n");

        if (open.Count == 0)
        {
            return md.ToString();
        }

        md.Append("### Findings by rule\n\n| Rule | Name | Errors | Warnings | Notes |");
        if (report.Summary.HasBaseline)
        {
            md.Append(" New |");
        }

        md.Append('\n').Append(report.Summary.HasBaseline ? "|---|---|---:|---:|---:|---:|\n" : "|---|---|---:|---:|---:|\n");
        foreach (var rule in open.GroupBy(f => f.Rule).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
        {
            md.Append("| ").Append(rule.Key.Id).Append(" | ").Append(Escape(rule.Key.Name))
                .Append(" | ").Append(rule.Count(f => f.Level == FindingLevel.Error))
                .Append(" | ").Append(rule.Count(f => f.Level == FindingLevel.Warning))
                .Append(" | ").Append(rule.Count(f => f.Level == FindingLevel.Note)).Append(" |");
            if (report.Summary.HasBaseline)
            {
                md.Append(' ').Append(rule.Count(f => f.Baseline == BaselineState.New)).Append(" |");
            }

            md.Append('\n');
        }

        var worst = open
            .OrderByDescending(f => f.Level)
            .ThenBy(f => f.Baseline == BaselineState.Unchanged ? 1 : 0)
            .ThenBy(f => f, FindingOrder.Instance)
            .ToList();
        md.Append("\n### ").Append(worst.Count > MaxListed ? $"The {MaxListed} most severe of {worst.Count} findings" : "Findings").Append("\n\n");
        md.Append("| Level | Rule | Location | Message |\n|---|---|---|---|\n");
        var listed = 0;
        foreach (var finding in worst.Take(MaxListed))
        {
            var row = Row(finding, facts.BlobUrl);
            if (Encoding.UTF8.GetByteCount(md.ToString()) + Encoding.UTF8.GetByteCount(row) > MaxBytes)
            {
                break;
            }

            md.Append(row);
            listed++;
        }

        if (listed < worst.Count)
        {
            md.Append("\n").Append(worst.Count - listed).Append(" more finding").Append(worst.Count - listed == 1 ? " is" : "s are").Append(" in the SARIF report.\n");
        }

        return md.ToString();
    }

    private static string Row(Finding finding, string? blobUrl)
    {
        var span = finding.Location.Span;
        var where = $"{finding.Location.Path}:{span.StartLine}";
        var location = blobUrl is null
            ? Escape(where)
            : $"[{Escape(where)}]({blobUrl}{SarifReportWriter.ToUri(finding.Location.Path)}#L{span.StartLine}{(span.EndLine > span.StartLine ? $"-L{span.EndLine}" : string.Empty)})";
        var message = finding.Message.Length > MaxMessageChars ? finding.Message[..MaxMessageChars] + "…" : finding.Message;
        var level = finding.Level.Name() + (finding.Baseline == BaselineState.New ? " (new)" : finding.Baseline == BaselineState.Unchanged ? " (baseline)" : string.Empty);
        return $"| {level} | {finding.RuleId} | {location} | {Escape(message)} |\n";
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

    /// <summary>Plain text inside a table cell: no HTML, no Markdown syntax, no line breaks, no cell separators.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '|' or '!' or '~' or '{' or '}':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
