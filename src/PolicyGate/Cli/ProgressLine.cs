namespace PolicyGate.Cli;

/// <summary>A single self-overwriting progress line on an interactive terminal, at most a few updates a second.</summary>
internal sealed class ProgressLine(TextWriter error)
{
    private readonly Lock _lock = new();
    private long _lastTicks;
    private bool _shown;

    public void Report(int done, int total)
    {
        var now = Environment.TickCount64;
        lock (_lock)
        {
            if (done < total && now - _lastTicks < 250)
            {
                return;
            }

            _lastTicks = now;
            _shown = true;
            error.Write($"\rscanning {done}/{total} files");
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            if (_shown)
            {
                error.Write("\r\u001b[K");
            }
        }
    }
}
