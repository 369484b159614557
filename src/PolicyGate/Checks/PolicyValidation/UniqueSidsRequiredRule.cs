using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UniqueSidsRequiredRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2012",
        "UniqueSidsRequired",
        ValidationFindingType.Error,
        "UNIQUE_SIDS_REQUIRED",
        "Two statements share a Sid in a policy type that requires unique Sids.",
        "Identity policies, SCPs and RCPs require every Sid to be unique within the policy; AWS rejects duplicates.",
        "Give each statement its own Sid.",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "ReadObjects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Sid": "ListBucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsIdentity || target.IsOrganizationPolicy;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.DuplicateSids(context, "Sids must be unique in this policy type");
    }
}
