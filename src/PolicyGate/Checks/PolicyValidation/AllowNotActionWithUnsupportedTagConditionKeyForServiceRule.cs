using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class AllowNotActionWithUnsupportedTagConditionKeyForServiceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2109",
        "AllowNotActionWithUnsupportedTagConditionKeyForService",
        ValidationFindingType.Suggestion,
        "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        "An Allow with NotAction relies on a tag condition.",
        "NotAction covers every service, but the tag condition is only true for services that support the key, so the statement allows less than it seems to.",
        "List the actions with Action.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ops"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ops"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.TagConditionSupport(context, PolicyEffect.Allow, notAction: true, (entry, _) => $"an Allow with NotAction and {entry.Key} allows only actions of services that support that key");
    }
}
