using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidServiceInActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2045",
        "InvalidServiceInAction",
        ValidationFindingType.Error,
        "INVALID_SERVICE_IN_ACTION",
        "An action names a service that does not exist.",
        "The part before the colon is a service prefix (s3, ec2, iam, ...). A prefix that no AWS service uses never matches a request.",
        "Correct the service prefix.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s4:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyActionItems())
        {
            if (!item.Value.IsFullyKnown || item.Service is null || item.Service.Contains('*', StringComparison.Ordinal) || item.Service.Contains('?', StringComparison.Ordinal))
            {
                continue;
            }

            if (context.Catalog.Service(item.Service) is null)
            {
                var suggestion = context.Catalog.SuggestService(item.Service);
                context.Report(item.Value, statement, suggestion is null
                    ? $"the service {item.Service} in action {item.Text} does not exist"
                    : $"the service {item.Service} in action {item.Text} does not exist; did you mean {suggestion}?");
            }
        }
    }
}
