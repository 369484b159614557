using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RedundantActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2049",
        "RedundantAction",
        ValidationFindingType.Suggestion,
        "REDUNDANT_ACTION",
        "An action is already covered by another action of the statement.",
        "An entry that another entry of the same list already matches (s3:GetObject next to s3:Get*, or a duplicate) adds nothing and makes the policy longer.",
        "Remove the redundant entry.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject"], "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:PutObject"], "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.RedundantEntries<ActionItem>(context, s => [s.Action, s.NotAction], _ => true, i => i.ToGlob(), "action");
    }
}
