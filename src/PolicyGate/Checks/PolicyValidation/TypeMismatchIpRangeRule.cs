using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class TypeMismatchIpRangeRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2086",
        "TypeMismatchIpRange",
        ValidationFindingType.Error,
        "TYPE_MISMATCH_IP_RANGE",
        "An IP address condition has a value that is not an address or CIDR range.",
        "IpAddress and NotIpAddress compare with IPv4 or IPv6 addresses and CIDR ranges (203.0.113.0/24); other text never matches.",
        "Write the range in CIDR notation.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ConditionValueShapes(context, OperatorFamily.IpAddress, value => IpRanges.TryParse(value.Text, out _, out _), (block, entry, value) => $"{block.Operator.Text} needs an IP address or CIDR range, not \"{value.Text}\" (key {entry.Key})");
    }
}
