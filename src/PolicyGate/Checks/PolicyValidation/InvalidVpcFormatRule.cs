using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidVpcFormatRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2102",
        "InvalidVpcFormat",
        ValidationFindingType.Error,
        "INVALID_VPC_FORMAT",
        "An aws:SourceVpc value is not a VPC id.",
        "aws:SourceVpc holds a VPC id: vpc- followed by 8 or 17 letters and digits. Another value never matches.",
        "Write the VPC id.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:SourceVpc": "my-vpc"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry, value) in context.Policy.ConditionValues())
        {
            if (!entry.Key.Is("aws:SourceVpc") || block.Operator.Family != OperatorFamily.String || !value.IsString || !value.IsFullyKnown)
            {
                continue;
            }

            var text = value.Text;
            if (text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal))
            {
                continue;
            }

            if (!ConditionValues.IsResourceId(text, "vpc-"))
            {
                context.Report(value, statement, $"\"{text}\" in {entry.Key} is not a vpc- identifier (vpc- followed by 8 or 17 letters and digits)");
            }
        }
    }
}
