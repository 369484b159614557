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
                if (privateOnes.Count == ranges.Count)
                {
                    context.Report(entry.Node.Location, statement, $"NotIpAddress on aws:SourceIp holds only private addresses ({string.Join(", ", privateOnes.Select(p => p.Value.Text))}), so it excludes nothing; use aws:VpcSourceIp for VPC traffic");
                }
            }
        }
    }
}
