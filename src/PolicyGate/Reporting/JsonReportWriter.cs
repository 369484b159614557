using PolicyGate.Checks;
using PolicyGate.Extraction;
using PolicyGate.Pipeline;

namespace PolicyGate.Reporting;

/// <summary>PolicyGate's own JSON: the summary and a flat list of findings, for scripts.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public void Write(ScanReport report, Stream output)
    {
        using var w = JsonOutput.Create(output);
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteString("name", report.Tool.Name);
        w.WriteString("version", report.Tool.Version);
        w.WriteEndObject();

        w.WriteStartObject("summary");
        w.WriteNumber("files", report.Summary.FilesScanned);
        w.WriteStartObject("documents");
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            w.WriteNumber(KindKey(kind), report.Summary.Documents[kind]);
        }

        w.WriteEndObject();
        w.WriteNumber("policies", report.Summary.Policies);
        w.WriteNumber("eventPatterns", report.Summary.EventPatterns);
        w.WriteString("engine", report.Summary.Engine);
        w.WriteStartObject("findings");
        w.WriteNumber("error", report.Errors);
        w.WriteNumber("warning", report.Warnings);
        w.WriteNumber("note", report.Notes);
        w.WriteEndObject();
        w.WriteNumber("suppressed", report.Summary.Suppressed);
        if (report.Summary.HasBaseline)
        {
            w.WriteStartObject("baseline");
            w.WriteNumber("new", report.NewFindings);
            w.WriteNumber("unchanged", report.UnchangedFindings);
            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", finding.RuleId);
            w.WriteString("rule", finding.Rule.Name);
            w.WriteString("level", finding.Level.Name());
            w.WriteString("message", finding.Message);
            w.WriteString("path", finding.Location.Path);
            var span = finding.Location.Span;
            w.WriteNumber("startLine", span.StartLine);
            w.WriteNumber("startColumn", span.StartColumn);
            w.WriteNumber("endLine", span.EndLine);
            w.WriteNumber("endColumn", span.EndColumn);
            if (finding.Fingerprint is { } fingerprint)
            {
                w.WriteString("fingerprint", fingerprint);
            }

            if (finding.Baseline is { } state)
            {
                w.WriteString("baselineState", state == BaselineState.New ? "new" : "unchanged");
            }

            if (finding.SuppressedBy is { } suppression)
            {
                w.WriteStartObject("suppression");
                w.WriteString("kind", suppression.SarifKind);
                w.WriteString("justification", suppression.Reason);
                w.WriteString("origin", suppression.Origin.ToString());
                w.WriteEndObject();
            }

            JsonOutput.WriteProperties(w, finding.Properties);

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static string KindKey(DocumentKind kind) => kind switch
    {
        DocumentKind.CloudFormationTemplate => "cloudFormationTemplates",
        DocumentKind.IamPolicy => "iamPolicies",
        DocumentKind.EventPattern => "eventPatterns",
        DocumentKind.EventSample => "eventSamples",
        DocumentKind.PolicyGateConfig => "configs",
        _ => "other",
    };
}
