namespace PolicyGate.Documents;

/// <summary>Maps character offsets to 1-based lines and columns. CRLF, LF and lone CR all end a line.</summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;

    private LineIndex(int[] lineStarts) => _lineStarts = lineStarts;

    public int LineCount => _lineStarts.Length;

    public static LineIndex Build(string text)
    {
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var i = span[offset..].IndexOfAny('\n', '\r');
            if (i < 0)
            {
                break;
            }

            offset += i;
            if (span[offset] == '\r' && offset + 1 < span.Length && span[offset + 1] == '\n')
            {
                offset++;
            }

            offset++;
            starts.Add(offset);
        }

        return new LineIndex(starts.ToArray());
    }

    public SourcePosition PositionOf(int offset)
    {
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>Offset of the first character of a 1-based line.</summary>
    public int LineStart(int line) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)];

    public int OffsetOf(SourcePosition position) => LineStart(position.Line) + position.Column - 1;

    public SourceSpan SpanOf(int startOffset, int endOffset) =>
        SourceSpan.Between(PositionOf(startOffset), PositionOf(endOffset));
}
