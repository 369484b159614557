using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyArrayConditionForAnyValueRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2092",
        "EmptyArrayConditionForAnyValue",
        ValidationFindingType.Suggestion,
        "EMPTY_ARRAY_CONDITION_FORANYVALUE",
        "ForAnyValue is used with an empty list of values.",
        "ForAnyValue with no values never matches, so the statement never applies.",
        "List the values, or remove the condition.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": []}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.EmptyConditionValues(context, op => op.Qualifier == SetQualifier.ForAnyValue, (block, entry) => $"{block.Operator.Text} with no values for {entry.Key} never matches");
    }
}
