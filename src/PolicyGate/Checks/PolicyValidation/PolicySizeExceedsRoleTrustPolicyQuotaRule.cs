using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PolicySizeExceedsRoleTrustPolicyQuotaRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2117",
        "PolicySizeExceedsRoleTrustPolicyQuota",
        ValidationFindingType.Warning,
        "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
        "A role trust policy is larger than the default quota.",
        "Role trust policies are limited to 2,048 characters without whitespace by default (the quota can be raised to 8,192).",
        "Shorten the policy or request a quota increase.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/some-role-name-0000", "... 60 roles in all ..."]}, "Action": "sts:AssumeRole"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.PolicySizeQuota(context, 2048, "role trust policies by default");
    }
}
