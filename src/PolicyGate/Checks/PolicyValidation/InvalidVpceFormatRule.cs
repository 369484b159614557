using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidVpceFormatRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2103",
        "InvalidVpceFormat",
        ValidationFindingType.Error,
        "INVALID_VPCE_FORMAT",
        "An aws:SourceVpce value is not a VPC endpoint id.",
        "aws:SourceVpce holds a VPC endpoint id: vpce- followed by 8 or 17 letters and digits. Another value never matches.",
        "Write the VPC endpoint id.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpc-1a2b3c4d"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry, value) in context.Policy.ConditionValues())
        {
            if (!entry.Key.Is("aws:SourceVpce") || block.Operator.Family != OperatorFamily.String || !value.IsString || !value.IsFullyKnown)
            {
                continue;
            }

            var text = value.Text;
            if (text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal))
            {
                continue;
            }

            if (!ConditionValues.IsResourceId(text, "vpce-"))
            {
                context.Report(value, statement, $"\"{text}\" in {entry.Key} is not a vpce- identifier (vpce- followed by 8 or 17 letters and digits)");
            }
        }
    }
}
