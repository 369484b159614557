using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyArrayConditionForAllValuesRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2091",
        "EmptyArrayConditionForAllValues",
        ValidationFindingType.Suggestion,
        "EMPTY_ARRAY_CONDITION_FORALLVALUES",
        "ForAllValues is used with an empty list of values.",
        "ForAllValues with no values matches only when the key is missing from the request; if that is the test you want, the Null operator says it clearly.",
        "Use Null to test that the key is absent, or list values.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": []}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"Null": {"aws:TagKeys": "true"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.EmptyConditionValues(context, op => op.Qualifier == SetQualifier.ForAllValues, (block, entry) => $"{block.Operator.Text} with no values matches only when {entry.Key} is missing; use Null to say that");
    }
}
