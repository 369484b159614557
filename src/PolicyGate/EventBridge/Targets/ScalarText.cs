using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Targets;

/// <summary>Spans of a part of a string value, so findings can point inside an input template.</summary>
public static class ScalarText
{
    /// <summary>
    /// The span of characters [index, index + length) of the value: exact when the value is written on one
    /// line without escapes, else the whole value's span.
    /// </summary>
    public static SourceSpan SpanOf(ScalarNode node, int index, int length)
    {
        var text = node.File.Text;
        var span = node.Span;
        if (text is null || span.StartLine != span.EndLine || node.HasUnknowns)
        {
            return span;
        }

        var lines = LineIndex.Build(text);
        var start = lines.OffsetOf(span.Start);
        var end = lines.OffsetOf(span.End);
        if (start < 0 || end > text.Length || end <= start)
        {
            return span;
        }

        var raw = text[start..end];
        var quoted = node.Style is ScalarStyle.Json or ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted;
        var body = quoted && raw.Length >= 2 ? raw[1..^1] : raw;
        if (!string.Equals(body, node.Value, StringComparison.Ordinal))
        {
            return span;
        }

        var column = span.StartColumn + (quoted ? 1 : 0) + index;
        return new SourceSpan(span.StartLine, column, span.StartLine, column + length);
    }

    public static SourceLocation LocationOf(ScalarNode node, int index, int length) => new(node.File.Path, SpanOf(node, index, length));
}
