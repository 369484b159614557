using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class AllowWithUnsupportedTagConditionKeyForServiceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2108",
        "AllowWithUnsupportedTagConditionKeyForService",
        ValidationFindingType.Suggestion,
        "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        "An Allow with a tag condition names actions of services that do not support that tag key.",
        "For services that do not put the tag key in the request context, the tag condition is never true, so the Allow grants nothing for their actions.",
        "Allow those actions in a statement with a condition they support.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:StartInstances", "cloudshell:CreateSession"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ops"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:StartInstances"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ops"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (!statement.IsAllow || statement.Action is not { } actions)
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
                    context.Report(entry.KeyLocation, statement, $"this Allow grants nothing for {string.Join(", ", services)}: those services do not support {entry.Key}");
                }
            }
        }
    }
}
