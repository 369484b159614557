using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PrivateNotIpAddressSubsetRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2098",
        "PrivateNotIpAddressSubset",
        ValidationFindingType.Suggestion,
        "PRIVATE_NOTIPADDRESS_SUBSET",
        "A NotIpAddress condition on aws:SourceIp mixes private and public addresses.",
        "The private ranges in a NotIpAddress test on aws:SourceIp have no effect.",
        "Remove the private ranges (or test aws:VpcSourceIp).",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["198.51.100.0/24", "172.16.0.0/12"]}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["198.51.100.0/24"]}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SourceIpRanges(context, ConditionOperatorKind.NotIpAddress, (ranges, privateOnes, entry) =>
            privateOnes.Count > 0 && privateOnes.Count < ranges.Count
                ? (privateOnes[0].Location, $"NotIpAddress on aws:SourceIp mixes private addresses ({string.Join(", ", privateOnes.Select(p => p.Text))}) with public ones; the private ones have no effect")
                : null);
    }
}
