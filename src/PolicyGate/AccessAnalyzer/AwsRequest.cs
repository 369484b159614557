namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// One operation ready to send: everything that is signed except the credentials and the time. The body is
/// written deterministically, so it doubles as the canonical request for the cache key.
/// </summary>
public sealed record AwsRequest(AwsService Service, string Operation, string PathAndQuery, string ContentType, byte[] Body)
{
    /// <summary>Whether the answer depends on the request alone (Access Analyzer's checks), so it may be cached across runs.</summary>
    public bool Cacheable { get; init; }

    /// <summary>Whether AWS charges for the call (the custom policy checks).</summary>
    public bool Billed { get; init; }

    /// <summary>For IAM: the partition whose global endpoint to call; null means the region's.</summary>
    public AwsPartition? Partition { get; init; }

    public string ServiceName => Service == AwsService.AccessAnalyzer ? "Access Analyzer" : "IAM";

    public string CacheKey => AwsCacheKey.For(ServiceName, Operation, PathAndQuery, Body);
}
