using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PrivateNotIpAddressRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2096",
        "PrivateNotIpAddress",
        ValidationFindingType.Error,
        "PRIVATE_NOTIPADDRESS",
        "A NotIpAddress condition on aws:SourceIp lists only private addresses.",
        "aws:SourceIp never holds a private address, so NotIpAddress with only private ranges is always true and restricts nothing.",
        "Use public ranges, or aws:VpcSourceIp for VPC traffic.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "192.168.0.0/16"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "198.51.100.0/24"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SourceIpRanges(context, ConditionOperatorKind.NotIpAddress, (ranges, privateOnes, entry) =>
            privateOnes.Count == ranges.Count
                ? (entry.Node.Location, $"NotIpAddress on aws:SourceIp holds only private addresses ({string.Join(", ", privateOnes.Select(p => p.Text))}), so it excludes nothing; use aws:VpcSourceIp for VPC traffic")
                : null);
    }
}
