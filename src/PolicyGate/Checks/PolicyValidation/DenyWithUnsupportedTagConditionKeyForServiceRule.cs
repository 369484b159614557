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
        SharedChecks.TagConditionSupport(context, PolicyEffect.Deny, notAction: false, (entry, services) => $"this Deny does not apply to {string.Join(", ", services)}: those services do not support {entry.Key}");
    }
}
