using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyArrayConditionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2090",
        "EmptyArrayCondition",
        ValidationFindingType.Suggestion,
        "EMPTY_ARRAY_CONDITION",
        "A condition key has an empty list of values.",
        "A key with no values does not affect the policy as intended.",
        "List the values, or remove the key.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": []}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["ops"]}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.EmptyConditionValues(context, op => op.Qualifier == SetQualifier.None && !op.IfExists, (block, entry) => $"{entry.Key} has no values under {block.Operator.Text}; list values or remove the key");
    }
}
