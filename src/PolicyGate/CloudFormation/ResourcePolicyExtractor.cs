using System.Collections.Frozen;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Resource policies held in one property of a resource type (object or JSON string), as a table: the
/// CloudFormation type, the property path, and the resource type the policy governs.
/// </summary>
public sealed class ResourcePolicyExtractor : IResourceExtractor
{
    /// <summary>One policy-bearing property. A path segment ending in [] is a list whose items are each read.</summary>
    public sealed record PolicyProperty(string Path, string GovernedType);

    public static readonly FrozenDictionary<string, PolicyProperty[]> Table = new Dictionary<string, PolicyProperty[]>(StringComparer.Ordinal)
    {
        ["AWS::S3::BucketPolicy"] = [new("PolicyDocument", "AWS::S3::Bucket")],
        ["AWS::S3::AccessPoint"] = [new("Policy", "AWS::S3::AccessPoint")],
        ["AWS::S3::MultiRegionAccessPointPolicy"] = [new("Policy", "AWS::S3::MultiRegionAccessPoint")],
        ["AWS::S3Express::BucketPolicy"] = [new("PolicyDocument", "AWS::S3Express::DirectoryBucket")],
        ["AWS::S3Express::AccessPoint"] = [new("Policy", "AWS::S3Express::AccessPoint")],
        ["AWS::S3Tables::TableBucketPolicy"] = [new("ResourcePolicy", "AWS::S3Tables::TableBucket")],
        ["AWS::S3Tables::TablePolicy"] = [new("ResourcePolicy", "AWS::S3Tables::Table")],
        ["AWS::SQS::QueuePolicy"] = [new("PolicyDocument", "AWS::SQS::Queue")],
        ["AWS::SQS::QueueInlinePolicy"] = [new("PolicyDocument", "AWS::SQS::Queue")],
        ["AWS::SNS::TopicPolicy"] = [new("PolicyDocument", "AWS::SNS::Topic")],
        ["AWS::SNS::TopicInlinePolicy"] = [new("PolicyDocument", "AWS::SNS::Topic")],
        ["AWS::KMS::Key"] = [new("KeyPolicy", "AWS::KMS::Key")],
        ["AWS::KMS::ReplicaKey"] = [new("KeyPolicy", "AWS::KMS::Key")],
        ["AWS::SecretsManager::ResourcePolicy"] = [new("ResourcePolicy", "AWS::SecretsManager::Secret")],
        ["AWS::ECR::Repository"] = [new("RepositoryPolicyText", "AWS::ECR::Repository")],
        ["AWS::ECR::PublicRepository"] = [new("RepositoryPolicyText", "AWS::ECR::PublicRepository")],
        ["AWS::ECR::RegistryPolicy"] = [new("PolicyText", "AWS::ECR::Registry")],
        ["AWS::Events::EventBus"] = [new("Policy", "AWS::Events::EventBus")],
        ["AWS::Logs::ResourcePolicy"] = [new("PolicyDocument", "AWS::Logs::LogGroup")],
        ["AWS::Logs::Destination"] = [new("DestinationPolicy", "AWS::Logs::Destination")],
        ["AWS::OpenSearchService::Domain"] = [new("AccessPolicies", "AWS::OpenSearchService::Domain")],
        ["AWS::Elasticsearch::Domain"] = [new("AccessPolicies", "AWS::Elasticsearch::Domain")],
        ["AWS::EFS::FileSystem"] = [new("FileSystemPolicy", "AWS::EFS::FileSystem")],
        ["AWS::EC2::VPCEndpoint"] = [new("PolicyDocument", "AWS::EC2::VPCEndpoint")],
        ["AWS::Backup::BackupVault"] = [new("AccessPolicy", "AWS::Backup::BackupVault")],
        ["AWS::CodeArtifact::Domain"] = [new("PermissionsPolicyDocument", "AWS::CodeArtifact::Domain")],
        ["AWS::CodeArtifact::Repository"] = [new("PermissionsPolicyDocument", "AWS::CodeArtifact::Repository")],
        ["AWS::ApiGateway::RestApi"] = [new("Policy", "AWS::ApiGateway::RestApi")],
        ["AWS::DynamoDB::Table"] = [new("ResourcePolicy.PolicyDocument", "AWS::DynamoDB::Table"), new("StreamSpecification.ResourcePolicy.PolicyDocument", "AWS::DynamoDB::Stream")],
        ["AWS::DynamoDB::GlobalTable"] = [new("Replicas[].ResourcePolicy.PolicyDocument", "AWS::DynamoDB::Table"), new("Replicas[].ReplicaStreamSpecification.ResourcePolicy.PolicyDocument", "AWS::DynamoDB::Stream")],
        ["AWS::Kinesis::ResourcePolicy"] = [new("ResourcePolicy", "AWS::Kinesis::Stream")],
        ["AWS::CloudTrail::ResourcePolicy"] = [new("ResourcePolicy", "AWS::CloudTrail::Trail")],
        ["AWS::MediaStore::Container"] = [new("Policy", "AWS::MediaStore::Container")],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public bool Handles(string resourceType) => Table.ContainsKey(resourceType);

    public void Extract(ResolvedResource resource, TemplateScope scope)
    {
        if (resource.Properties is null)
        {
            return;
        }

        foreach (var property in Table[resource.Type])
        {
            foreach (var (path, value) in Values(resource.Properties, property.Path.Split('.'), "Properties"))
            {
                var (document, exact) = scope.Document(value, "policy");
                if (document is not null)
                {
                    scope.AddPolicy(resource, path, PolicyKind.Resource, GovernedType(resource, property.GovernedType), document, exact);
                }
            }
        }
    }

    /// <summary>The values at a property path, with the concrete path of each (list indexes filled in).</summary>
    private static IEnumerable<(string Path, Node Value)> Values(ObjectNode current, string[] segments, string prefix)
    {
        var segment = segments[0];
        var isList = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = isList ? segment[..^2] : segment;
        var value = current[name];
        if (value is null)
        {
            yield break;
        }

        if (isList)
        {
            foreach (var (index, item) in ResolvedProperties.Objects(value))
            {
                foreach (var inner in Values(item, segments[1..], $"{prefix}.{name}[{index}]"))
                {
                    yield return inner;
                }
            }

            yield break;
        }

        if (segments.Length == 1)
        {
            yield return ($"{prefix}.{name}", value);
            yield break;
        }

        foreach (var alternative in value.Alternatives().OfType<ObjectNode>())
        {
            foreach (var inner in Values(alternative, segments[1..], $"{prefix}.{name}"))
            {
                yield return inner;
            }
        }
    }

    /// <summary>Resource policies that govern several kinds of resource say which one by the ARN they attach to.</summary>
    private static string GovernedType(ResolvedResource resource, string fallback)
    {
        var arn = ResolvedProperties.Text(resource.Properties, "ResourceArn");
        return resource.Type switch
        {
            "AWS::CloudTrail::ResourcePolicy" when arn is not null =>
                arn.Contains(":eventdatastore/", StringComparison.Ordinal) ? "AWS::CloudTrail::EventDataStore"
                : arn.Contains(":dashboard/", StringComparison.Ordinal) ? "AWS::CloudTrail::Dashboard"
                : arn.Contains(":channel/", StringComparison.Ordinal) ? "AWS::CloudTrail::Channel"
                : fallback,
            "AWS::Kinesis::ResourcePolicy" when arn is not null && arn.Contains("/consumer/", StringComparison.Ordinal) => "AWS::Kinesis::StreamConsumer",
            _ => fallback,
        };
    }
}
