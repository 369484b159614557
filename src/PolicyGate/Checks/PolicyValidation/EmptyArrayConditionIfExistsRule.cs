using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyArrayConditionIfExistsRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2093",
        "EmptyArrayConditionIfExists",
        ValidationFindingType.Suggestion,
        "EMPTY_ARRAY_CONDITION_IFEXISTS",
        "An IfExists operator is used with an empty list of values.",
        "With no values, an IfExists operator matches only when the key is missing; the Null operator states that directly.",
        "Use Null, or list values.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEqualsIfExists": {"aws:PrincipalTag/team": []}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEqualsIfExists": {"aws:PrincipalTag/team": ["ops"]}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.EmptyConditionValues(context, op => op.Qualifier == SetQualifier.None && op.IfExists, (block, entry) => $"{block.Operator.Text} with no values matches only when {entry.Key} is missing; use Null to say that");
    }
}
