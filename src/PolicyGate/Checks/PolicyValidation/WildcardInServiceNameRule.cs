using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class WildcardInServiceNameRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2046",
        "WildcardInServiceName",
        ValidationFindingType.Suggestion,
        "WILDCARD_IN_SERVICE_NAME",
        "An action has a wildcard in its service prefix.",
        "A wildcard in the service part (s3*:Get*, *:Describe*) matches services with similar names, including ones added later, and so grants more than it says.",
        "Name the service exactly.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3*:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyActionItems())
        {
            if (item.Value.IsFullyKnown && item.Service is { } service && (service.Contains('*', StringComparison.Ordinal) || service.Contains('?', StringComparison.Ordinal)))
            {
                context.Report(item.Value, statement, $"the service part \"{service}\" of action {item.Text} has a wildcard and may match other services");
            }
        }
    }
}
