namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// An AWS partition as the SDKs' endpoint rules describe it: its DNS suffix and where its global IAM endpoint
/// lives (IAM has one endpoint per partition, signed for a fixed region).
/// </summary>
public sealed record AwsPartition(string Id, string DnsSuffix, string IamHost, string IamFipsHost, string IamSigningRegion, bool AccessAnalyzerHasFipsHosts)
{
    public static readonly AwsPartition Aws = new("aws", "amazonaws.com", "iam.amazonaws.com", "iam-fips.amazonaws.com", "us-east-1", true);

    public static readonly AwsPartition China = new("aws-cn", "amazonaws.com.cn", "iam.cn-north-1.amazonaws.com.cn", "iam-fips.aws-cn-global.amazonaws.com.cn", "cn-north-1", true);

    // GovCloud endpoints are FIPS endpoints already: the rules resolve the FIPS variant to the same hosts.
    public static readonly AwsPartition GovCloud = new("aws-us-gov", "amazonaws.com", "iam.us-gov.amazonaws.com", "iam.us-gov.amazonaws.com", "us-gov-west-1", false);

    public static IReadOnlyList<AwsPartition> All { get; } = [Aws, China, GovCloud];

    public static AwsPartition ForRegion(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? China
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
        : Aws;

    /// <summary>The partition named in an ARN ("aws", "aws-cn", "aws-us-gov"), or null for any other.</summary>
    public static AwsPartition? FromId(string id) => All.FirstOrDefault(p => p.Id == id);
}
