using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class NullWithQualifierRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2069",
        "NullWithQualifier",
        ValidationFindingType.Suggestion,
        "NULL_WITH_QUALIFIER",
        "The Null operator has a ForAllValues or ForAnyValue qualifier.",
        "With a set qualifier, Null is evaluated value by value, so ForAllValues:Null is always true and ForAnyValue:Null always false; it does not test whether the key exists.",
        "Use Null without a qualifier.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ForAllValues:Null": {"aws:TagKeys": "false"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"Null": {"aws:TagKeys": "false"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var block in statement.Condition?.Blocks ?? [])
            {
                if (block.Operator.Kind == ConditionOperatorKind.Null && block.Operator.Qualifier != SetQualifier.None)
                {
                    context.Report(block.KeyLocation, statement, $"\"{block.Operator.Text}\" does not test whether a key exists (it is always {(block.Operator.Qualifier == SetQualifier.ForAllValues ? "true" : "false")}); use Null without qualifier");
                }
            }
        }
    }
}
