using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2044",
        "InvalidAction",
        ValidationFindingType.Error,
        "INVALID_ACTION",
        "An action does not exist in its service.",
        "The action is not in the service's list of actions (PolicyGate's embedded catalog of the Service Authorization Reference). IAM accepts the policy but the entry never matches a request, so an Allow grants less than intended and a Deny protects nothing.",
        "Correct the action name; `policygate validate-policy` suggests the closest existing action.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjects", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyActionItems())
        {
            if (!item.Value.IsFullyKnown || item.IsAllActions)
            {
                continue;
            }

            if (item.Service is null || item.Name is null)
            {
                context.Report(item.Value, statement, $"the action \"{item.Text}\" is not of the form service:action");
                continue;
            }

            if (item.HasWildcard || context.Catalog.Service(item.Service) is null)
            {
                continue;
            }

            if (context.Catalog.Action(item.Service, item.Name) is null)
            {
                var suggestion = context.Catalog.Suggest(item.Service, item.Name);
                context.Report(item.Value, statement, suggestion is null
                    ? $"the action {item.Text} does not exist in the service {item.Service}"
                    : $"the action {item.Text} does not exist in the service {item.Service}; did you mean {suggestion}?");
            }
        }
    }
}
