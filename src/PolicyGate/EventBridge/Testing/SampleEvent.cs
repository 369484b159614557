using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge.Testing;

/// <summary>A sample event file read for a rule test: the event, or why it cannot serve as one.</summary>
public sealed record SampleEvent(string Path, EventDocument? Event, string? Problem)
{
    /// <summary>
    /// Reads a sample event file. It must hold one JSON (or YAML) object that TestEventPattern would accept
    /// (with id, account, source, time, region and detail-type).
    /// </summary>
    public static SampleEvent Load(string fullPath, string reportPath)
    {
        var loaded = new DocumentLoader(LoadLimits.Default).Load(fullPath, reportPath);
        if (loaded.Diagnostics.FirstOrDefault(d => d.Kind is not DiagnosticKind.DuplicateKey) is { } problem)
        {
            return new SampleEvent(reportPath, null, $"it cannot be read ({problem.Message}, line {problem.Span.StartLine})");
        }

        if (loaded.Documents.Length != 1)
        {
            return new SampleEvent(reportPath, null, $"it holds {loaded.Documents.Length} documents; a sample event file holds one event");
        }

        var root = loaded.Documents[0];
        if (TestEventRequirements.Check(root) is { } invalid)
        {
            return new SampleEvent(reportPath, null, invalid);
        }

        return new SampleEvent(reportPath, EventDocument.From(root), null);
    }
}
