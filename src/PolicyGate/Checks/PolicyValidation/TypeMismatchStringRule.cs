using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class TypeMismatchStringRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2085",
        "TypeMismatchString",
        ValidationFindingType.Warning,
        "TYPE_MISMATCH_STRING",
        "A BinaryEquals condition has a value that is not base64.",
        "BinaryEquals compares bytes given in base64; text that is not base64 never matches.",
        "Encode the value in base64.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"BinaryEquals": {"aws:UserAgent": "not base64!"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"BinaryEquals": {"aws:UserAgent": "QmluYXJ5VmFsdWU="}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ConditionValueShapes(context, OperatorFamily.Binary, value => ConditionValues.IsBase64(value), (block, entry, value) => $"{block.Operator.Text} needs a base64 value, not \"{value.Text}\" (key {entry.Key})");
    }
}
