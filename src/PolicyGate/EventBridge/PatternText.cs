using PolicyGate.Documents;

namespace PolicyGate.EventBridge;

/// <summary>A pattern (or event) read from JSON text: its tree, or why it could not be read.</summary>
public sealed record PatternSource(Node? Root, PatternError? SyntaxError, SourceSpan? TrailingText)
{
    public bool HasRoot => Root is not null;
}

/// <summary>
/// Reads JSON text the way EventBridge's reader does for a pattern: strict JSON, the first syntax error
/// reported at its position, and text after the closing brace ignored (EventBridge stops reading there;
/// the span is kept so the linter can flag it). Empty text is "Filter is not an object".
/// </summary>
public static class PatternText
{
    private const string TrailingContent = "unexpected content after the end of the JSON document";

    public static PatternSource Parse(string text, string reportPath) => Parse(new SourceFile(reportPath, reportPath, text));

    public static PatternSource Parse(SourceFile file)
    {
        var text = file.Text ?? string.Empty;
        var lines = LineIndex.Build(text);
        var loaded = JsonDocumentParser.Parse(file, text, LoadLimits.Default, lines);
        var syntax = loaded.Diagnostics.FirstOrDefault(d => d.Kind is DiagnosticKind.SyntaxError or DiagnosticKind.NestingTooDeep);
        if (syntax is null)
        {
            return loaded.Documents.IsEmpty
                ? new PatternSource(null, new PatternError("Filter is not an object", new SourceLocation(file.Path, SourceSpan.FileStart)), null)
                : new PatternSource(loaded.Documents[0], null, null);
        }

        if (syntax.Message.StartsWith(TrailingContent, StringComparison.Ordinal))
        {
            var offset = lines.OffsetOf(syntax.Span.Start);
            var head = JsonDocumentParser.Parse(file, text[..offset], LoadLimits.Default, lines);
            if (!head.Documents.IsEmpty)
            {
                var end = lines.PositionOf(text.Length);
                return new PatternSource(head.Documents[0], null, SourceSpan.Between(syntax.Span.Start, end));
            }
        }

        return new PatternSource(null, StreamError(file, text, lines, syntax), null);
    }

    /// <summary>
    /// The error EventBridge reports for malformed text: a pattern error met before the syntax error in
    /// reading order, else the syntax error in its JSON reader's words, at the same position.
    /// </summary>
    private static PatternError StreamError(SourceFile file, string text, LineIndex lines, DocumentDiagnostic syntax)
    {
        if (JacksonSyntax.FirstError(text) is not { } jackson)
        {
            return new PatternError($"the JSON is malformed: {syntax.Message}", new SourceLocation(file.Path, syntax.Span));
        }

        if (TruncatedJson.Close(text, jackson.Offset) is { } closed)
        {
            var head = JsonDocumentParser.Parse(file, closed, LoadLimits.Default, LineIndex.Build(closed));
            if (head.Documents.Length == 1 && head.Diagnostics.All(d => d.Kind == DiagnosticKind.DuplicateKey))
            {
                var cutAt = lines.PositionOf(jackson.Offset);
                var first = PatternCompiler.Compile(head.Documents[0]).Errors
                    .FirstOrDefault(e => e.Location.Span.Start < cutAt && e.Location.Span != head.Documents[0].Span && (e.Location.Span.End <= cutAt || !DetectedAtEnd(e.Reason)));
                if (first is not null)
                {
                    return first;
                }
            }
        }

        return new PatternError(jackson.Message, new SourceLocation(file.Path, lines.SpanOf(jackson.Offset, Math.Min(jackson.Offset + 1, text.Length))));
    }

    /// <summary>Errors the streaming compiler raises at the end of a list or object, which a cut container would fake.</summary>
    private static bool DetectedAtEnd(string reason) =>
        reason is "Empty arrays are not allowed" or "Empty objects are not allowed" or "Match expression name not found"
            or "There must have at least 2 Objects in $or relationship." or "Invalid member in numeric match: ]"
            or "Inside anything but list, either all values are number or string, mixed type is not supported"
        || (reason.StartsWith("Value of ", StringComparison.Ordinal) && reason.EndsWith(" must be numeric", StringComparison.Ordinal));
}
