using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PolicySizeExceedsScpQuotaRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2118",
        "PolicySizeExceedsScpQuota",
        ValidationFindingType.Error,
        "POLICY_SIZE_EXCEEDS_SCP_QUOTA",
        "A service control policy is larger than Organizations allows.",
        "SCPs may have at most 5,120 characters; Organizations rejects larger ones.",
        "Split the SCP into several granular policies.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["ec2:DescribeSomething0000", "... 220 actions in all ..."], "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:Describe*", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsServiceControl;

    public override PolicyKind ExampleKind => PolicyKind.ServiceControl;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.PolicySizeQuota(context, 5120, "service control policies");
    }
}
