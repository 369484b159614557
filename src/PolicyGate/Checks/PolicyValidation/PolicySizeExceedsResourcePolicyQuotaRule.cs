using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PolicySizeExceedsResourcePolicyQuotaRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2116",
        "PolicySizeExceedsResourcePolicyQuota",
        ValidationFindingType.Warning,
        "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA",
        "A resource policy is larger than its service allows.",
        "Services limit the size of resource policies (20 KB for S3 bucket policies, for example); larger policies are rejected.",
        "Split access between principals or use fewer, broader statements.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::my-bucket/some/long/prefix/number/00000/*", "... 450 prefixes in all ..."]}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/some/long/prefix/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.Kind == PolicyKind.Resource;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override string? ExampleResourceType => "AWS::S3::Bucket";

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.PolicySizeQuota(context, ResourcePolicyQuotas.For(context.Target.ResourceType), $"{context.Target.KindName}");
    }
}
