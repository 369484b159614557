using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class NullWithIfExistsRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2068",
        "NullWithIfExists",
        ValidationFindingType.Error,
        "NULL_WITH_IF_EXISTS",
        "The Null operator has the IfExists suffix.",
        "Null already tests whether a key exists, so NullIfExists is not an operator.",
        "Use Null.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"NullIfExists": {"aws:TokenIssueTime": "false"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"Null": {"aws:TokenIssueTime": "false"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var block in statement.Condition?.Blocks ?? [])
            {
                if (block.Operator.Kind == ConditionOperatorKind.Null && block.Operator.IfExists)
                {
                    context.Report(block.KeyLocation, statement, $"\"{block.Operator.Text}\": the Null operator cannot have the IfExists suffix");
                }
            }
        }
    }
}
