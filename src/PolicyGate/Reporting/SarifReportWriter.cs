using System.Text.Json;
using PolicyGate.Checks;
using PolicyGate.Pipeline;

namespace PolicyGate.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning ingests it: one run, every rule with its help and metadata, results
/// with a repository-relative URI and a full region. GitHub's own <c>primaryLocationLineHash</c> is left to
/// the uploader, which computes it from the file; PolicyGate's identity goes under its own key
/// (<see cref="FindingFingerprint.Key"/>) for baselines. Suppressed findings (present only when included on
/// request) carry <c>suppressions</c> with the justification; with a baseline each result has <c>baselineState</c>.
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

        if (finding.Fingerprint is { } fingerprint)
        {
            w.WriteStartObject("partialFingerprints");
            w.WriteString(FindingFingerprint.Key, fingerprint);
            w.WriteEndObject();
        }

        if (finding.Baseline is { } state)
        {
            w.WriteString("baselineState", state == BaselineState.New ? "new" : "unchanged");
        }

        if (finding.SuppressedBy is { } suppression)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", suppression.SarifKind);
            w.WriteString("status", "accepted");
            w.WriteString("justification", suppression.Reason);
            w.WriteStartObject("location");
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", ToUri(suppression.Origin.Path));
            w.WriteEndObject();
            WriteRegion(w, suppression.Origin.Span);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
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
        WriteRegion(w, location.Span);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter w, Documents.SourceSpan span)
    {
        w.WriteStartObject("region");
        w.WriteNumber("startLine", span.StartLine);
        w.WriteNumber("startColumn", span.StartColumn);
        w.WriteNumber("endLine", span.EndLine);
        w.WriteNumber("endColumn", Math.Max(span.EndColumn, span.EndLine == span.StartLine ? span.StartColumn + 1 : 1));
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
