using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PrivateIpAddressSubsetRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2097",
        "PrivateIpAddressSubset",
        ValidationFindingType.Suggestion,
        "PRIVATE_IP_ADDRESS_SUBSET",
        "An IpAddress condition on aws:SourceIp mixes private and public addresses.",
        "The private ranges in aws:SourceIp never match, so they only suggest an access that does not exist.",
        "Remove the private ranges (or move them to aws:VpcSourceIp).",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"]}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SourceIpRanges(context, ConditionOperatorKind.IpAddress, (ranges, privateOnes, entry) =>
            privateOnes.Count > 0 && privateOnes.Count < ranges.Count
                ? (privateOnes[0].Location, $"aws:SourceIp mixes private addresses ({string.Join(", ", privateOnes.Select(p => p.Text))}) with public ones; the private ones never match")
                : null);
    }
}
