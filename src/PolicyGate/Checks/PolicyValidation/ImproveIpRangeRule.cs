using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class ImproveIpRangeRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2099",
        "ImproveIpRange",
        ValidationFindingType.Suggestion,
        "IMPROVE_IP_RANGE",
        "A CIDR range sets bits after its prefix length.",
        "In 203.0.113.7/24 the bits after the first 24 are ignored, so the range is 203.0.113.0/24; writing it so avoids the impression that one address is meant.",
        "Write the network address of the range, or /32 for one address.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.7/24"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry, value) in context.Policy.ConditionValues())
        {
            if (block.Operator.Family == OperatorFamily.IpAddress && value.IsFullyKnown && IpRanges.TryParse(value.Text, out _, out var normalized) && normalized is not null)
            {
                context.Report(value, statement, $"the bits after the prefix of {value.Text} are ignored; write {normalized}");
            }
        }
    }
}
