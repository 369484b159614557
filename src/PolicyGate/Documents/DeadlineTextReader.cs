using System.Diagnostics;

namespace PolicyGate.Documents;

/// <summary>
/// A reader that gives up once a time budget is spent. It bounds third-party parsers whose worst case is
/// super-linear, without trusting that every such case has been foreseen.
/// </summary>
internal sealed class DeadlineTextReader(string text, TimeSpan budget) : TextReader
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _pos;
    private int _sinceCheck;

    public override int Peek() => _pos < text.Length ? text[_pos] : -1;

    public override int Read()
    {
        if (++_sinceCheck >= 4096)
        {
            Check();
        }

        return _pos < text.Length ? text[_pos++] : -1;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        Check();
        var n = Math.Min(buffer.Length, text.Length - _pos);
        text.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }

    private void Check()
    {
        _sinceCheck = 0;
        if (_clock.Elapsed > budget)
        {
            throw new ParseTimeoutException(budget);
        }
    }
}

internal sealed class ParseTimeoutException(TimeSpan budget)
    : Exception($"parsing took longer than {budget.TotalSeconds:0} s and was stopped; the file is not checked further");
