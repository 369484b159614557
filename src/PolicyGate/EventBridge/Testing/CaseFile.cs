using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Testing;

/// <summary>One evaluated line of a cases file.</summary>
public sealed record CaseOutcome(string? Id, TestOutcome Outcome);

/// <summary>
/// The batch form of events test: each line is a JSON object {"id", "pattern", "event"} whose pattern and
/// event are JSON objects or JSON text in a string; a line without "event" only validates the pattern.
/// Numbers keep their text as written. A line that is not such an object is reported as invalid.
/// </summary>
public static class CaseFile
{
    public static IEnumerable<CaseOutcome> Run(string content, string reportPath, bool allowPartialEvent)
    {
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var label = $"{reportPath}:{i + 1}";
            var parsed = JsonDocumentParser.Parse(new SourceFile(label, label, text), text);
            if (parsed.Documents.IsEmpty || parsed.Documents[0] is not ObjectNode c)
            {
                var why = parsed.Diagnostics.FirstOrDefault()?.Message ?? "it is not a JSON object";
                yield return new CaseOutcome(null, new TestOutcome(TestResult.Invalid, $"line {i + 1} is not a case object: {why}"));
                continue;
            }

            var id = c["id"] is ScalarNode { Kind: not ScalarKind.Null } s ? s.Value : null;
            if (c["pattern"] is not { } patternNode)
            {
                yield return new CaseOutcome(id, new TestOutcome(TestResult.Invalid, $"line {i + 1} has no \"pattern\""));
                continue;
            }

            var pattern = Embedded(patternNode, label + " pattern");
            var e = c["event"] is { } eventNode ? Embedded(eventNode, label + " event") : null;
            if (pattern.Root is null || (e is not null && e.Root is null))
            {
                yield return new CaseOutcome(id, new TestOutcome(TestResult.Invalid, pattern.Problem ?? e!.Problem!));
                continue;
            }

            // Each case is one line: a location inside it is that line and a column (of the embedded text when the pattern is a string).
            var line = i + 1;
            var inText = patternNode is ScalarNode ? " of the pattern text" : string.Empty;
            yield return new CaseOutcome(id, PatternTest.Run(pattern.Root, e?.Root, allowPartialEvent, at => $"{reportPath}:{line}, column {at.Span.StartColumn}{inText}"));
        }
    }

    /// <summary>A pattern or event given inline as an object, or as JSON text in a string.</summary>
    private static TestInput Embedded(Node node, string label) =>
        node is ScalarNode { Kind: ScalarKind.String } text
            ? TestInput.FromJson(new SourceFile(label, label, text.Value))
            : new TestInput(node, null, null);
}
