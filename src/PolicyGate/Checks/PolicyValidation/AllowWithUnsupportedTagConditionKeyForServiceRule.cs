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
        SharedChecks.TagConditionSupport(context, PolicyEffect.Allow, notAction: false, (entry, services) => $"this Allow grants nothing for {string.Join(", ", services)}: those services do not support {entry.Key}");
    }
}
