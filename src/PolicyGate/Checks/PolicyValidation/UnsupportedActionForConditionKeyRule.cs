using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnsupportedActionForConditionKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2104",
        "UnsupportedActionForConditionKey",
        ValidationFindingType.Error,
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        "A service condition key is used with actions of its service that do not support it.",
        "A service-specific condition key is only in the request context of the actions that support it. For the other actions of the statement the key is missing, so the condition is false for them (true for negated and IfExists operators).",
        "Move the actions that do not support the key to a statement without the condition.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/*"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "home/*"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Action is not { } actions)
            {
                continue;
            }

            foreach (var (_, entry) in statement.ConditionsOn(k => k.Prefix is not null && !k.IsGlobal))
            {
                var service = context.Catalog.Service(entry.Key.Prefix!);
                if (service is null || service.ConditionKey(entry.Key.Text) is null)
                {
                    continue;
                }

                var unsupported = actions.Items
                    .Where(a => a.Value.IsFullyKnown && !a.HasWildcard && a.Service is not null && a.Service.Equals(service.Prefix, StringComparison.OrdinalIgnoreCase))
                    .Select(a => context.Catalog.Action(a.Service!, a.Name!))
                    .Where(a => a is not null && !a.SupportsConditionKey(entry.Key.Text))
                    .Select(a => a!.FullName)
                    .ToList();
                if (unsupported.Count > 0)
                {
                    context.Report(entry.KeyLocation, statement, $"the condition key {entry.Key} is not supported by {string.Join(", ", unsupported)}; the condition is not evaluated as intended for them");
                }
            }
        }
    }
}
