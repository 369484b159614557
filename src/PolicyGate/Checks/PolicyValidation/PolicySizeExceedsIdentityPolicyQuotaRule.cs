using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PolicySizeExceedsIdentityPolicyQuotaRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2115",
        "PolicySizeExceedsIdentityPolicyQuota",
        ValidationFindingType.Warning,
        "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
        "An identity policy is larger than IAM allows for a managed policy.",
        "Managed policies may have at most 6,144 characters, not counting whitespace (inline policies have their own, per-entity limits). IAM rejects larger policies.",
        "Split the policy, or shorten it with wildcards where they do not widen access.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:DescribeSomething0000", "ec2:DescribeSomething0001", "... 260 actions in all ..."], "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsIdentity;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.PolicySizeQuota(context, 6144, "managed policies");
    }
}
