using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidArnServiceCaseRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2052",
        "InvalidArnServiceCase",
        ValidationFindingType.Error,
        "INVALID_ARN_SERVICE_CASE",
        "The service field of a resource ARN has upper-case letters.",
        "ARNs are case-sensitive and service names in them are lower-case; arn:aws:S3:::bucket matches no resource.",
        "Write the service in lower case.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:S3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (item.Value.IsFullyKnown && item.Arn is { Prefix: "arn" } arn && arn.Service.Any(char.IsAsciiLetterUpper) && !arn.Service.Contains("${", StringComparison.Ordinal))
            {
                context.Report(item.Value, statement, $"the service \"{arn.Service}\" in resource {item.Text} must be lower case (\"{arn.Service.ToLowerInvariant()}\")");
            }
        }
    }
}
