namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// How often and how long to retry a throttled or failed call: capped exponential backoff with full jitter (a
/// random wait between zero and base·2^retry, capped), never shorter than the server's Retry-After; a Retry-After
/// longer than <see cref="MaxRetryAfter"/> ends the retries instead of stalling the run.
/// </summary>
public sealed record AwsRetryPolicy
{
    public static AwsRetryPolicy Default { get; } = new();

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry), or null to give up.</summary>
    /// <param name="jitter">A random number in [0, 1).</param>
    public TimeSpan? DelayBefore(int retry, TimeSpan? retryAfter, double jitter)
    {
        if (retry >= MaxAttempts || retryAfter > MaxRetryAfter)
        {
            return null;
        }

        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        var backoff = TimeSpan.FromMilliseconds(ceiling * Math.Clamp(jitter, 0, 1));
        return retryAfter is { } serverWait && serverWait > backoff ? serverWait : backoff;
    }
}
