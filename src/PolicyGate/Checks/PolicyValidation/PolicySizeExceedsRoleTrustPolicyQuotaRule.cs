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
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/some-role-name-0000", "arn:aws:iam::111122223333:role/some-role-name-0001", "arn:aws:iam::111122223333:role/some-role-name-0002", "arn:aws:iam::111122223333:role/some-role-name-0003", "arn:aws:iam::111122223333:role/some-role-name-0004", "arn:aws:iam::111122223333:role/some-role-name-0005", "arn:aws:iam::111122223333:role/some-role-name-0006", "arn:aws:iam::111122223333:role/some-role-name-0007", "arn:aws:iam::111122223333:role/some-role-name-0008", "arn:aws:iam::111122223333:role/some-role-name-0009", "arn:aws:iam::111122223333:role/some-role-name-0010", "arn:aws:iam::111122223333:role/some-role-name-0011", "arn:aws:iam::111122223333:role/some-role-name-0012", "arn:aws:iam::111122223333:role/some-role-name-0013", "arn:aws:iam::111122223333:role/some-role-name-0014", "arn:aws:iam::111122223333:role/some-role-name-0015", "arn:aws:iam::111122223333:role/some-role-name-0016", "arn:aws:iam::111122223333:role/some-role-name-0017", "arn:aws:iam::111122223333:role/some-role-name-0018", "arn:aws:iam::111122223333:role/some-role-name-0019", "arn:aws:iam::111122223333:role/some-role-name-0020", "arn:aws:iam::111122223333:role/some-role-name-0021", "arn:aws:iam::111122223333:role/some-role-name-0022", "arn:aws:iam::111122223333:role/some-role-name-0023", "arn:aws:iam::111122223333:role/some-role-name-0024", "arn:aws:iam::111122223333:role/some-role-name-0025", "arn:aws:iam::111122223333:role/some-role-name-0026", "arn:aws:iam::111122223333:role/some-role-name-0027", "arn:aws:iam::111122223333:role/some-role-name-0028", "arn:aws:iam::111122223333:role/some-role-name-0029", "arn:aws:iam::111122223333:role/some-role-name-0030", "arn:aws:iam::111122223333:role/some-role-name-0031", "arn:aws:iam::111122223333:role/some-role-name-0032", "arn:aws:iam::111122223333:role/some-role-name-0033", "arn:aws:iam::111122223333:role/some-role-name-0034", "arn:aws:iam::111122223333:role/some-role-name-0035", "arn:aws:iam::111122223333:role/some-role-name-0036", "arn:aws:iam::111122223333:role/some-role-name-0037", "arn:aws:iam::111122223333:role/some-role-name-0038", "arn:aws:iam::111122223333:role/some-role-name-0039", "arn:aws:iam::111122223333:role/some-role-name-0040", "arn:aws:iam::111122223333:role/some-role-name-0041", "arn:aws:iam::111122223333:role/some-role-name-0042", "arn:aws:iam::111122223333:role/some-role-name-0043", "arn:aws:iam::111122223333:role/some-role-name-0044", "arn:aws:iam::111122223333:role/some-role-name-0045", "arn:aws:iam::111122223333:role/some-role-name-0046", "arn:aws:iam::111122223333:role/some-role-name-0047", "arn:aws:iam::111122223333:role/some-role-name-0048", "arn:aws:iam::111122223333:role/some-role-name-0049", "arn:aws:iam::111122223333:role/some-role-name-0050", "arn:aws:iam::111122223333:role/some-role-name-0051", "arn:aws:iam::111122223333:role/some-role-name-0052", "arn:aws:iam::111122223333:role/some-role-name-0053", "arn:aws:iam::111122223333:role/some-role-name-0054", "arn:aws:iam::111122223333:role/some-role-name-0055", "arn:aws:iam::111122223333:role/some-role-name-0056", "arn:aws:iam::111122223333:role/some-role-name-0057", "arn:aws:iam::111122223333:role/some-role-name-0058", "arn:aws:iam::111122223333:role/some-role-name-0059"]}, "Action": "sts:AssumeRole"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.PolicySizeQuota(context, 2048, "role trust policies by default");
    }
}
