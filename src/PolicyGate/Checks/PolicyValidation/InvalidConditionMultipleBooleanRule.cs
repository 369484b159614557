using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidConditionMultipleBooleanRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2088",
        "InvalidConditionMultipleBoolean",
        ValidationFindingType.Error,
        "INVALID_CONDITION_MULTIPLE_BOOLEAN",
        "A Bool condition lists more than one value.",
        "A Boolean key is either true or false, so listing several values for it makes no sense.",
        "Give one value.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": ["true", "false"]}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry) in context.Policy.ConditionEntries())
        {
            if (block.Operator.Kind == ConditionOperatorKind.Bool && block.Operator.Qualifier == SetQualifier.None && entry.Items.Length > 1)
            {
                context.Report(entry.Node.Location, statement, $"{entry.Key} is tested with {entry.Items.Length} Boolean values; give a single value");
            }
        }
    }
}
