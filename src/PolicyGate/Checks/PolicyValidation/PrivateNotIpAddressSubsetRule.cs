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
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var (block, entry) in statement.ConditionsOn(k => k.Is("aws:SourceIp")))
            {
                if (block.Operator.Kind != ConditionOperatorKind.NotIpAddress)
                {
                    continue;
                }

                var ranges = entry.Values.Where(v => v.IsFullyKnown).Select(v => (Value: v, Ok: IpRanges.TryParse(v.Text, out var n, out _), Network: n)).Where(r => r.Ok).ToList();
                if (ranges.Count == 0 || ranges.Count != entry.Items.Length)
                {
                    continue;
                }

                var privateOnes = ranges.Where(r => IpRanges.IsPrivate(r.Network)).ToList();
                if (privateOnes.Count > 0 && privateOnes.Count < ranges.Count)
                {
                    context.Report(privateOnes[0].Value.Location, statement, $"NotIpAddress on aws:SourceIp mixes private addresses ({string.Join(", ", privateOnes.Select(p => p.Value.Text))}) with public ones; the private ones have no effect");
                }
            }
        }
    }
}
