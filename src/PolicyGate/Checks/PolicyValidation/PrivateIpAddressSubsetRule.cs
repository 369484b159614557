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
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var (block, entry) in statement.ConditionsOn(k => k.Is("aws:SourceIp")))
            {
                if (block.Operator.Kind != ConditionOperatorKind.IpAddress)
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
                    context.Report(privateOnes[0].Value.Location, statement, $"aws:SourceIp mixes private addresses ({string.Join(", ", privateOnes.Select(p => p.Value.Text))}) with public ones; the private ones never match");
                }
            }
        }
    }
}
