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

        return new PatternSource(null, new PatternError($"the JSON is malformed: {syntax.Message}", new SourceLocation(file.Path, syntax.Span)), null);
    }
}
