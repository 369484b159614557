using System.Text.Json;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Reporting;

/// <summary>
/// A single check's answer as JSON, in Access Analyzer's response shape (result, message, reasons with
/// description, statementIndex and statementId) followed by PolicyGate's additions: <c>undecided</c> when the
/// FAIL only means "could not prove", each reason's explanation, counterexample and location in the file, the
/// first counterexample, and the engine with the reason it was chosen. Keys always come in this order.
/// </summary>
public static class PolicyCheckJson
{
    public static void Write(PolicyCheckReport report, Stream output)
    {
        var result = report.Result;
        using var w = JsonOutput.Create(output);
        w.WriteStartObject();
        w.WriteString("result", result.Result == CheckVerdict.Pass ? "PASS" : "FAIL");
        w.WriteString("message", result.Message);
        if (result.Undecided)
        {
            w.WriteBoolean("undecided", true);
        }

        w.WriteStartArray("reasons");
        for (var i = 0; i < result.Reasons.Length; i++)
        {
            var reason = result.Reasons[i];
            w.WriteStartObject();
            w.WriteString("description", reason.Description);
            if (reason.StatementIndex is { } index)
            {
                w.WriteNumber("statementIndex", index);
            }

            if (reason.StatementId is { } sid)
            {
                w.WriteString("statementId", sid);
            }

            if (reason.Explanation is { } explanation)
            {
                w.WriteString("explanation", explanation);
            }

            if (reason.Counterexample is { } counterexample)
            {
                WriteCounterexample(w, "counterexample", counterexample);
            }

            if (i < report.ReasonLocations.Length && report.ReasonLocations[i] is { } location)
            {
                w.WriteStartObject("location");
                w.WriteString("path", location.Path);
                JsonOutput.WriteRegion(w, location.Span);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (result.Counterexample is { } first)
        {
            WriteCounterexample(w, "counterexample", first);
        }

        if (report.ExistingPolicySource is { } source)
        {
            w.WriteString("existingPolicySource", source);
        }

        w.WriteString("engine", result.Engine);
        w.WriteString("engineReason", report.EngineReason);
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteCounterexample(Utf8JsonWriter w, string name, Counterexample counterexample)
    {
        w.WriteStartObject(name);
        if (counterexample.Principal is { } principal)
        {
            w.WriteString("principal", principal);
        }

        w.WriteString("action", counterexample.Action);
        w.WriteString("resource", counterexample.Resource);
        w.WriteStartObject("context");
        foreach (var (key, values) in counterexample.Context)
        {
            w.WriteStartArray(key);
            foreach (var value in values)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
