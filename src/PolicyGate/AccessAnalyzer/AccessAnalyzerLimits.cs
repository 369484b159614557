using System.Collections.Frozen;

namespace PolicyGate.AccessAnalyzer;

/// <summary>Limits of Access Analyzer's operations (service model 2019-11-01, and cfn-policy-validator's ValidatePolicy guard).</summary>
public static class AccessAnalyzerLimits
{
    /// <summary>CheckAccessNotGranted: at most this many actions, and as many resources, per call.</summary>
    public const int MaxAccessEntries = 100;

    /// <summary>CheckAccessNotGranted: the longest resource ARN.</summary>
    public const int MaxResourceLength = 2048;

    /// <summary>ValidatePolicy is not called for a policy of this many characters or more once whitespace is removed.</summary>
    public const int MaxValidatePolicyCharacters = 32768;

    /// <summary>The issue code reported for such a policy (the one cfn-policy-validator uses, so suppressions carry over).</summary>
    public const string PolicyTooLargeIssueCode = "POLICY_SIZE_EXCEEDS_VALIDATE_POLICY_MAXIMUM";

    /// <summary>ValidatePolicy pages followed before the answer counts as malformed.</summary>
    public const int MaxValidatePolicyPages = 100;

    /// <summary>The resource types CheckNoPublicAccess accepts (AccessCheckResourceType).</summary>
    public static FrozenSet<string> PublicAccessResourceTypes { get; } = new[]
    {
        "AWS::DynamoDB::Table", "AWS::DynamoDB::Stream", "AWS::EFS::FileSystem", "AWS::OpenSearchService::Domain",
        "AWS::Kinesis::Stream", "AWS::Kinesis::StreamConsumer", "AWS::KMS::Key", "AWS::Lambda::Function",
        "AWS::S3::Bucket", "AWS::S3::AccessPoint", "AWS::S3Express::DirectoryBucket", "AWS::S3::Glacier",
        "AWS::S3Outposts::Bucket", "AWS::S3Outposts::AccessPoint", "AWS::SecretsManager::Secret", "AWS::SNS::Topic",
        "AWS::SQS::Queue", "AWS::IAM::AssumeRolePolicyDocument", "AWS::S3Tables::TableBucket", "AWS::ApiGateway::RestApi",
        "AWS::CodeArtifact::Domain", "AWS::Backup::BackupVault", "AWS::CloudTrail::Dashboard",
        "AWS::CloudTrail::EventDataStore", "AWS::S3Tables::Table", "AWS::S3Express::AccessPoint",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The resource types ValidatePolicy has specific checks for (ValidatePolicyResourceType); others get the general resource-policy checks.</summary>
    public static FrozenSet<string> ValidatePolicyResourceTypes { get; } = new[]
    {
        "AWS::S3::Bucket", "AWS::S3::AccessPoint", "AWS::S3::MultiRegionAccessPoint", "AWS::S3ObjectLambda::AccessPoint",
        "AWS::IAM::AssumeRolePolicyDocument", "AWS::DynamoDB::Table",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Characters that count towards the ValidatePolicy limit (whitespace removed).</summary>
    public static int ValidatePolicySize(string policy) => policy.Count(c => !char.IsWhiteSpace(c));
}
