using PolicyGate.AccessAnalyzer;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Reporting;

/// <summary>
/// ValidatePolicy's response as JSON: <c>{"findings": [...]}</c> with Access Analyzer's fields (findingType,
/// issueCode, findingDetails, learnMoreLink, locations with path and span; columns 0-based) plus PolicyGate's
/// rule id and the 1-based region in the file.
/// </summary>
public static class ValidationFindingsJson
{
    public static void Write(IReadOnlyList<ValidationFinding> findings, Stream output, string engine = "local")
    {
        using var w = JsonOutput.Create(output);
        w.WriteStartObject();
        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("findingType", f.FindingType.Name());
            w.WriteString("issueCode", f.IssueCode);
            w.WriteString("findingDetails", f.Details);
            if (f.LearnMoreLink is { } link)
            {
                w.WriteString("learnMoreLink", link);
            }

            w.WriteStartArray("locations");
            foreach (var location in f.Locations)
            {
                w.WriteStartObject();
                w.WriteStartArray("path");
                foreach (var step in location.Path)
                {
                    w.WriteStartObject();
                    if (step.Index is { } index)
                    {
                        w.WriteNumber("index", index);
                    }
                    else if (step.Key is { } key)
                    {
                        w.WriteString("key", key);
                    }
                    else
                    {
                        w.WriteString("value", step.Value);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("span");
                WritePosition(w, "start", location.StartLine, location.StartColumn, location.StartOffset);
                WritePosition(w, "end", location.EndLine, location.EndColumn, location.EndOffset);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (f.RuleId is { } ruleId)
            {
                w.WriteString("ruleId", ruleId);
            }

            if (f.SourceLocation is { } source)
            {
                w.WriteString("path", source.Path);
                w.WriteStartObject("region");
                JsonOutput.WriteRegion(w, source.Span);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("engine", engine);
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WritePosition(System.Text.Json.Utf8JsonWriter w, string name, int line, int column, int offset)
    {
        w.WriteStartObject(name);
        w.WriteNumber("line", line);
        w.WriteNumber("column", column);
        w.WriteNumber("offset", offset);
        w.WriteEndObject();
    }
}
