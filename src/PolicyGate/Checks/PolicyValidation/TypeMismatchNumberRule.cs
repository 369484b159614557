using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class TypeMismatchNumberRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2084",
        "TypeMismatchNumber",
        ValidationFindingType.Warning,
        "TYPE_MISMATCH_NUMBER",
        "A numeric condition has a value that is not a number.",
        "Numeric operators compare with numbers; other text never matches.",
        "Write a number.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"NumericLessThan": {"s3:max-keys": "ten"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"NumericLessThan": {"s3:max-keys": "10"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ConditionValueShapes(context, OperatorFamily.Numeric, value => ConditionValues.IsNumber(value) || value.AsLiteralPattern().HasVariables, (block, entry, value) => $"{block.Operator.Text} needs a number, not \"{value.Text}\" (key {entry.Key})");
    }
}
