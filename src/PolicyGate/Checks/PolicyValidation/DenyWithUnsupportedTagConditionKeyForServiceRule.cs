using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class DenyWithUnsupportedTagConditionKeyForServiceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2106",
        "DenyWithUnsupportedTagConditionKeyForService",
        ValidationFindingType.SecurityWarning,
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        "A Deny with a tag condition names actions of services that do not support that tag key.",
        "For services that do not put the tag key in the request context, the tag condition is never true, so the Deny does not apply to their actions.",
        "Deny those services' actions in a statement without the tag condition, or use a condition they support.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["iam:DeleteRole", "cloudshell:CreateSession"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/protected": "true"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["iam:DeleteRole"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/protected": "true"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (!statement.IsDeny || statement.Action is not { } actions)
            {
                continue;
            }

            foreach (var (_, entry) in statement.ConditionsOn(TagKeys.IsTagKey))
            {
                var services = actions.Items
                    .Where(a => a.Value.IsFullyKnown && a.Service is { } s && !s.Contains('*', StringComparison.Ordinal) && !s.Contains('?', StringComparison.Ordinal))
                    .Select(a => context.Catalog.Service(a.Service!))
                    .Where(s => s is not null && !TagKeys.ServiceSupports(s, entry.Key))
                    .Select(s => s!.Prefix)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (services.Count > 0)
                {
                    context.Report(entry.KeyLocation, statement, $"this Deny does not apply to {string.Join(", ", services)}: those services do not support {entry.Key}");
                }
            }
        }
    }
}
