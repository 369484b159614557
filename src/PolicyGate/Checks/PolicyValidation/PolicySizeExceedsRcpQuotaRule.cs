using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PolicySizeExceedsRcpQuotaRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2119",
        "PolicySizeExceedsRcpQuota",
        ValidationFindingType.Error,
        "POLICY_SIZE_EXCEEDS_RCP_QUOTA",
        "A resource control policy is larger than Organizations allows.",
        "RCPs may have at most 5,120 characters; Organizations rejects larger ones.",
        "Split the RCP into several granular policies.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::bucket-number-0000/*", "... 200 buckets in all ..."]}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsResourceControl;

    public override PolicyKind ExampleKind => PolicyKind.ResourceControl;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.PolicySizeQuota(context, 5120, "resource control policies");
    }
}
