using System.Text.Json;
using PolicyGate.Checks;
using PolicyGate.Pipeline;

namespace PolicyGate.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning ingests it: one run, every rule with its help and metadata, results
/// with a repository-relative URI and a full region. Fingerprints are left to the uploader, which computes
/// them from the file (a wrong one would be worse than none).
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public void Write(ScanReport report, Stream output)
    {
        var ruleIndex = report.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var w = JsonOutput.Create(output);
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        WriteTool(w, report);
        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            WriteResult(w, finding, ruleIndex[finding.RuleId]);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteTool(Utf8JsonWriter w, ScanReport report)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", report.Tool.Name);
        w.WriteString("version", report.Tool.Version);
        w.WriteString("semanticVersion", report.Tool.Version);
        if (report.Tool.InformationUri is { } uri)
        {
            w.WriteString("informationUri", uri);
        }

        w.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            WriteRule(w, rule);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, RuleDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", rule.Name);
        WriteText(w, "shortDescription", rule.ShortDescription);
        WriteText(w, "fullDescription", rule.FullDescription);
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", rule.DefaultLevel.Name());
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", rule.Help.ToText());
        w.WriteString("markdown", rule.Help.ToMarkdown());
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        foreach (var tag in rule.AllTags.Append(rule.Area.Title().ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            w.WriteStringValue(tag);
        }

        w.WriteEndArray();
        w.WriteString("precision", "very-high");
        if (rule.SecuritySeverity is { } severity)
        {
            w.WriteString("security-severity", severity);
        }
        else
        {
            w.WriteString("problem.severity", rule.DefaultLevel switch
            {
                FindingLevel.Error => "error",
                FindingLevel.Warning => "warning",
                _ => "recommendation",
            });
        }

        if (rule.AccessAnalyzerIssueCode is { } code)
        {
            w.WriteString("issueCode", code);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Finding finding, int ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", finding.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", finding.Level.Name());
        WriteText(w, "message", finding.Message);
        w.WriteStartArray("locations");
        WriteLocation(w, finding.Location, null);
        w.WriteEndArray();
        if (!finding.Related.IsDefaultOrEmpty)
        {
            w.WriteStartArray("relatedLocations");
            for (var i = 0; i < finding.Related.Length; i++)
            {
                WriteLocation(w, finding.Related[i].Location, (i + 1, finding.Related[i].Message));
            }

            w.WriteEndArray();
        }

        JsonOutput.WriteProperties(w, finding.Properties);

        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, Documents.SourceLocation location, (int Id, string Message)? related)
    {
        w.WriteStartObject();
        if (related is { } r)
        {
            w.WriteNumber("id", r.Id);
            WriteText(w, "message", r.Message);
        }

        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", ToUri(location.Path));
        w.WriteEndObject();
        w.WriteStartObject("region");
        var span = location.Span;
        w.WriteNumber("startLine", span.StartLine);
        w.WriteNumber("startColumn", span.StartColumn);
        w.WriteNumber("endLine", span.EndLine);
        w.WriteNumber("endColumn", Math.Max(span.EndColumn, span.EndLine == span.StartLine ? span.StartColumn + 1 : 1));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    /// <summary>A relative URI reference: each path segment percent-encoded, slashes kept.</summary>
    public static string ToUri(string reportPath)
    {
        if (Path.IsPathRooted(reportPath))
        {
            return new Uri(reportPath).AbsoluteUri;
        }

        return string.Join('/', reportPath.Split('/').Select(Uri.EscapeDataString));
    }
}
