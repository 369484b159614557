namespace PolicyGate.AccessAnalyzer;

/// <summary>Time for signing and for waiting between retries; tests substitute one that does not sleep.</summary>
public interface IAwsClock
{
    DateTimeOffset UtcNow { get; }

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>The real clock.</summary>
public sealed class SystemAwsClock : IAwsClock
{
    public static SystemAwsClock Instance { get; } = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
