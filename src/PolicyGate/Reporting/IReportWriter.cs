using PolicyGate.Pipeline;

namespace PolicyGate.Reporting;

/// <summary>Writes a report in one format. Output depends only on the report, so it is byte-identical across runs.</summary>
public interface IReportWriter
{
    void Write(ScanReport report, Stream output);
}

public static class ReportWriters
{
    public static readonly string[] Formats = ["text", "sarif", "json", "github"];

    public static IReportWriter For(string format) => format switch
    {
        "sarif" => new SarifReportWriter(),
        "json" => new JsonReportWriter(),
        "github" => new GitHubReportWriter(),
        _ => new TextReportWriter(),
    };
}
