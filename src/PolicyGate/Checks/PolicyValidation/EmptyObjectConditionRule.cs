using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyObjectConditionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2094",
        "EmptyObjectCondition",
        ValidationFindingType.Suggestion,
        "EMPTY_OBJECT_CONDITION",
        "A Condition block or operator is empty.",
        "An empty condition does not affect the policy; it may be a leftover of a condition that was meant to be there.",
        "Add the intended condition or remove the empty block.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Condition is not { } condition || condition.MayBeAbsent)
            {
                continue;
            }

            if (condition.IsObject && condition.Blocks.IsEmpty && condition.Node is ObjectNode)
            {
                context.Report(condition.Location, statement, $"the Condition of {statement.Label} is empty");
                continue;
            }

            foreach (var block in condition.Blocks)
            {
                if (block.IsObject && block.Entries.IsEmpty && block.Node is ObjectNode)
                {
                    context.Report(block.Node.Location, statement, $"the condition operator {block.Operator.Text} has no keys");
                }
            }
        }
    }
}
