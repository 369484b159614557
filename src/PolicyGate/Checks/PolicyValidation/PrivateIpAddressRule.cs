using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PrivateIpAddressRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2095",
        "PrivateIpAddress",
        ValidationFindingType.Error,
        "PRIVATE_IP_ADDRESS",
        "An IpAddress condition on aws:SourceIp lists only private addresses.",
        "aws:SourceIp is the public address a request comes from. Requests through a VPC endpoint carry the private address in aws:VpcSourceIp instead, so a condition listing only private ranges in aws:SourceIp never matches.",
        "Use public ranges, or aws:VpcSourceIp / aws:SourceVpce for VPC traffic.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SourceIpRanges(context, ConditionOperatorKind.IpAddress, (ranges, privateOnes, entry) =>
            privateOnes.Count == ranges.Count
                ? (entry.Node.Location, $"aws:SourceIp holds only private addresses ({string.Join(", ", privateOnes.Select(p => p.Text))}), which are never the source of a request to AWS; use aws:VpcSourceIp or aws:SourceVpce for traffic from a VPC")
                : null);
    }
}
