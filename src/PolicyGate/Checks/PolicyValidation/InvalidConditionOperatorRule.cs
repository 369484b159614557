using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidConditionOperatorRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2067",
        "InvalidConditionOperator",
        ValidationFindingType.Error,
        "INVALID_CONDITION_OPERATOR",
        "A condition operator does not exist.",
        "Condition operators are a fixed set (StringEquals, ArnLike, IpAddress, ...), optionally with ForAllValues:/ForAnyValue: before and IfExists after. Names are written exactly so; an unknown operator makes IAM reject the policy.",
        "Use an existing operator, for example StringEquals.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEqual": {"aws:PrincipalTag/team": "ops"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var block in statement.Condition?.Blocks ?? [])
            {
                if (!block.Operator.IsKnown)
                {
                    var detail = block.Operator.HasInvalidQualifier ? "the qualifier must be ForAllValues or ForAnyValue" : "use an operator such as StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress or Null";
                    context.Report(block.KeyLocation, statement, $"the condition operator \"{block.Operator.Text}\" does not exist; {detail}");
                }
            }
        }
    }
}
