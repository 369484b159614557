using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>The global tag condition keys, and whether a service supports them.</summary>
public static class TagKeys
{
    public static bool IsTagKey(ConditionKeyName key) =>
        key.IsOrStartsWith("aws:ResourceTag") || key.IsOrStartsWith("aws:RequestTag") || key.Is("aws:TagKeys");

    /// <summary>True when some action or resource type of the service lists the key.</summary>
    public static bool ServiceSupports(ServiceInfo service, ConditionKeyName key) => service.ConditionKey(key.Text) is not null;
}

/// <summary>Size quotas of resource policies by resource type (characters without whitespace); 0 when unknown.</summary>
public static class ResourcePolicyQuotas
{
    public static int For(string? resourceType) => resourceType switch
    {
        "AWS::S3::Bucket" or "AWS::S3::BucketPolicy" => 20 * 1024,
        "AWS::SNS::Topic" or "AWS::SNS::TopicPolicy" => 30 * 1024,
        "AWS::SQS::Queue" or "AWS::SQS::QueuePolicy" => 20 * 1024,
        "AWS::KMS::Key" => 32 * 1024,
        "AWS::SecretsManager::Secret" or "AWS::SecretsManager::ResourcePolicy" => 20 * 1024,
        "AWS::ECR::Repository" => 10 * 1024,
        _ => 0,
    };
}

/// <summary>Which operator families fit a key type; the first is the one to recommend.</summary>
public static class KeyTypeFamilies
{
    public static OperatorFamily[] For(ConditionKeyType type) => type switch
    {
        ConditionKeyType.String => [OperatorFamily.String, OperatorFamily.Arn],
        ConditionKeyType.Arn => [OperatorFamily.Arn, OperatorFamily.String],
        ConditionKeyType.Bool => [OperatorFamily.Bool],
        ConditionKeyType.Numeric => [OperatorFamily.Numeric],
        ConditionKeyType.Date => [OperatorFamily.Date, OperatorFamily.Numeric],
        ConditionKeyType.IpAddress => [OperatorFamily.IpAddress],
        ConditionKeyType.Binary => [OperatorFamily.Binary],
        _ => [],
    };
}
