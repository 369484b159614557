using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidArnPrefixRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2050",
        "InvalidArnPrefix",
        ValidationFindingType.Error,
        "INVALID_ARN_PREFIX",
        "A resource is neither \"*\" nor an ARN.",
        "Resource entries are ARNs (arn:partition:service:region:account:resource) or \"*\". A bare bucket name, a path or an ARN without the arn: prefix matches nothing.",
        "Write the full ARN, for example arn:aws:s3:::my-bucket.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            var pattern = item.Pattern;
            if (item.IsAll || pattern.Segments.IsEmpty || pattern.Segments[0].Kind != PolicyGate.Iam.Text.SegmentKind.Literal)
            {
                continue;
            }

            var lead = pattern.Segments[0].Text;
            var prefix = "arn:";
            if (!(lead.Length >= prefix.Length ? lead.StartsWith(prefix, StringComparison.Ordinal) : prefix.StartsWith(lead, StringComparison.Ordinal) && pattern.Segments.Length > 1))
            {
                context.Report(item.Value, statement, $"the resource \"{item.Text}\" must be \"*\" or an ARN starting with \"arn:\"");
            }
        }
    }
}
