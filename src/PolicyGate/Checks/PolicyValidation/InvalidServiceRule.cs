using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidServiceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2054",
        "InvalidService",
        ValidationFindingType.Error,
        "INVALID_SERVICE",
        "A resource ARN or a condition key names a service that does not exist.",
        "The service field of an ARN and the prefix of a service condition key must name an AWS service. An unknown service means the entry matches nothing.",
        "Correct the service name.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s4:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (item.Arn is { Prefix: "arn" } arn && arn.Service.Length > 0 && ResourceArns.IsPlainField(item, arn.ServiceStart, arn.Service)
                && !arn.Service.Any(char.IsAsciiLetterUpper) && !ResourceArns.IsArnService(context.Catalog, arn.Service))
            {
                context.Report(item.Value, statement, $"the service \"{arn.Service}\" in resource {item.Text} does not exist");
            }
        }

        foreach (var (statement, _, entry) in context.Policy.ConditionEntries())
        {
            if (context.Catalog.ConditionKey(entry.Key.Text).Status == ConditionKeyStatus.UnknownService)
            {
                context.Report(entry.KeyLocation, statement, $"the service \"{entry.Key.Prefix}\" of condition key {entry.Key} does not exist");
            }
        }
    }
}
