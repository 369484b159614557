namespace PolicyGate.AccessAnalyzer;

/// <summary>What the AWS engine did in a run, for the summary. Custom policy checks are the calls AWS bills.</summary>
public sealed record AwsCallStatistics(int CallsMade, int CustomCheckCalls, int CacheHits, int Retries)
{
    public string ToSummaryText() =>
        $"AWS calls: {CallsMade} ({CustomCheckCalls} billed custom policy checks), cache hits: {CacheHits}, retries: {Retries}";
}

/// <summary>The engine's running counts; safe to bump from concurrent calls.</summary>
public sealed class AwsCallCounters
{
    private int _calls;
    private int _customChecks;
    private int _cacheHits;
    private int _retries;

    public void CallMade(bool customCheck)
    {
        Interlocked.Increment(ref _calls);
        if (customCheck)
        {
            Interlocked.Increment(ref _customChecks);
        }
    }

    public void CacheHit() => Interlocked.Increment(ref _cacheHits);

    public void Retried() => Interlocked.Increment(ref _retries);

    public AwsCallStatistics Snapshot() =>
        new(Volatile.Read(ref _calls), Volatile.Read(ref _customChecks), Volatile.Read(ref _cacheHits), Volatile.Read(ref _retries));
}
