using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class TypeMismatchBooleanRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2082",
        "TypeMismatchBoolean",
        ValidationFindingType.Warning,
        "TYPE_MISMATCH_BOOLEAN",
        "A Bool condition has a value other than true or false.",
        "The Bool operator compares with true or false; any other value never matches.",
        "Use true or false.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": "yes"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ConditionValueShapes(context, OperatorFamily.Bool, value => ConditionValues.IsBoolean(value), (block, entry, value) => $"{block.Operator.Text} needs true or false, not \"{value.Text}\" (key {entry.Key})");
    }
}
