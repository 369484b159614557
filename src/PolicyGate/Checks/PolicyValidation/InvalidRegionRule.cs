using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidRegionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2101",
        "InvalidRegion",
        ValidationFindingType.Error,
        "INVALID_REGION",
        "A region condition value is not a region.",
        "Keys such as aws:RequestedRegion hold region names (us-east-1); a misspelt region never matches.",
        "Write the region name.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry, value) in context.Policy.ConditionValues())
        {
            var regionKey = entry.Key.Is("aws:RequestedRegion") || (entry.Key.Text.EndsWith(":Region", StringComparison.OrdinalIgnoreCase) && !entry.Key.IsGlobal);
            if (!regionKey || block.Operator.Family != OperatorFamily.String || !value.IsString || !value.IsFullyKnown)
            {
                continue;
            }

            var text = value.Text;
            if (text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal) || text == "global")
            {
                continue;
            }

            if (!AwsPartitions.IsRegion(text))
            {
                context.Report(value, statement, $"\"{text}\" in {entry.Key} is not a region name");
            }
        }
    }
}
