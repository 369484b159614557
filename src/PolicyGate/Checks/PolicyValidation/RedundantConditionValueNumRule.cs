using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RedundantConditionValueNumRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2100",
        "RedundantConditionValueNum",
        ValidationFindingType.Suggestion,
        "REDUNDANT_CONDITION_VALUE_NUM",
        "A numeric or date comparison lists several values.",
        "Values of one key are ORed, so NumericLessThan with 10 and 20 is the same as NumericLessThan 20: only the widest bound counts.",
        "Keep the single bound that is meant.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"NumericLessThan": {"s3:max-keys": ["10", "20"]}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"NumericLessThan": {"s3:max-keys": "20"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry) in context.Policy.ConditionEntries())
        {
            var kind = block.Operator.Kind;
            var ordering = kind is ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals
                or ConditionOperatorKind.DateLessThan or ConditionOperatorKind.DateLessThanEquals or ConditionOperatorKind.DateGreaterThan or ConditionOperatorKind.DateGreaterThanEquals;
            if (ordering && block.Operator.Qualifier == SetQualifier.None && entry.Items.Length > 1 && entry.Values.All(v => v.IsFullyKnown))
            {
                var greatest = kind.ToString().Contains("Less", StringComparison.Ordinal);
                context.Report(entry.Node.Location, statement, $"{block.Operator.Text} with several values for {entry.Key} is the same as its {(greatest ? "greatest" : "least")} value alone");
            }
        }
    }
}
