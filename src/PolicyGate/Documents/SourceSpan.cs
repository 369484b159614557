namespace PolicyGate.Documents;

/// <summary>
/// A region of a source file. Lines and columns are 1-based; columns count UTF-16 code units and the end
/// column is the column just after the last character, as SARIF regions and GitHub annotations expect.
/// </summary>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A one-character span, used for diagnostics that point at a single position.</summary>
    public static SourceSpan At(int line, int column) => new(line, column, line, column + 1);

    /// <summary>The start of a file: where findings about the whole file point.</summary>
    public static SourceSpan FileStart => At(1, 1);

    public SourcePosition Start => new(StartLine, StartColumn);

    public SourcePosition End => new(EndLine, EndColumn);

    public static SourceSpan Between(SourcePosition start, SourcePosition end) =>
        new(start.Line, start.Column, end.Line, end.Column);

    /// <summary>The smallest span covering both.</summary>
    public SourceSpan Union(SourceSpan other) =>
        Between(Start <= other.Start ? Start : other.Start, End >= other.End ? End : other.End);

    public bool Contains(SourceSpan other) => Start <= other.Start && other.End <= End;

    public override string ToString() => $"{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
}

/// <summary>A 1-based line and UTF-16 column.</summary>
public readonly record struct SourcePosition(int Line, int Column) : IComparable<SourcePosition>
{
    public int CompareTo(SourcePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);

    public static bool operator <(SourcePosition a, SourcePosition b) => a.CompareTo(b) < 0;
    public static bool operator >(SourcePosition a, SourcePosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(SourcePosition a, SourcePosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(SourcePosition a, SourcePosition b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Line}:{Column}";
}
