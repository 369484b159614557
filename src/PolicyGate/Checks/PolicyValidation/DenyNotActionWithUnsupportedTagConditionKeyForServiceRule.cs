using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class DenyNotActionWithUnsupportedTagConditionKeyForServiceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2107",
        "DenyNotActionWithUnsupportedTagConditionKeyForService",
        ValidationFindingType.SecurityWarning,
        "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        "A Deny with NotAction relies on a tag condition.",
        "NotAction covers the actions of every service, and many services do not support tag condition keys; for their actions the condition is never true, so the Deny does not apply to them.",
        "List the actions to deny with Action, grouped by services that support the tag key.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/protected": "true"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iam:Delete*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/protected": "true"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.TagConditionSupport(context, PolicyEffect.Deny, notAction: true, (entry, _) => $"a Deny with NotAction and {entry.Key} does not apply to actions of services that do not support that key");
    }
}
