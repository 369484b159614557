using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnsupportedResourceArnInPolicyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2065",
        "UnsupportedResourceArnInPolicy",
        ValidationFindingType.Error,
        "UNSUPPORTED_RESOURCE_ARN_IN_POLICY",
        "A resource policy names a resource of another service than the one it is attached to.",
        "A resource policy governs only the resource it is attached to. Naming resources of another service (for example an SQS queue in an S3 bucket policy) has no effect.",
        "Name only the resource the policy is attached to (and its sub-resources).",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:sqs:us-east-1:111122223333:queue"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => ResourceArns.ServicesGovernedBy(target.ResourceType).Length > 0 && target.Kind == PolicyKind.Resource;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override string? ExampleResourceType => "AWS::S3::Bucket";

    public override void Check(PolicyCheckContext context)
    {
        var services = ResourceArns.ServicesGovernedBy(context.Target.ResourceType);
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (item.Arn is { Prefix: "arn" } arn && ResourceArns.IsPlainField(item, arn.ServiceStart, arn.Service) && !services.Contains(arn.Service, StringComparer.Ordinal))
            {
                context.Report(item.Value, statement, $"the resource {item.Text} is not a resource of {context.Target.ResourceType}, so this policy cannot govern it");
            }
        }
    }
}
