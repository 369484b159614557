using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingTagKeyInConditionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2076",
        "MissingTagKeyInCondition",
        ValidationFindingType.Error,
        "MISSING_TAG_KEY_IN_CONDITION",
        "A tag condition key has no tag name.",
        "Keys such as aws:ResourceTag, aws:RequestTag and aws:PrincipalTag take the tag name after a slash (aws:ResourceTag/owner); without it they name no tag.",
        "Append the tag name: aws:ResourceTag/owner.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:ResourceTag": "ops"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ops"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry) in context.Policy.ConditionEntries())
        {
            var text = entry.Key.Text.TrimEnd('/');
            var templates = context.Catalog.GlobalConditionKeys
                .Concat(entry.Key.Prefix is { } prefix && context.Catalog.Service(prefix) is { } service ? service.ConditionKeys : []);
            var template = templates.FirstOrDefault(k => k.TemplatePrefix is { } p && p.TrimEnd('/').Equals(text, StringComparison.OrdinalIgnoreCase)
                && p.Contains("Tag", StringComparison.OrdinalIgnoreCase));
            if (template is not null && context.Catalog.ConditionKey(entry.Key.Text).Status != ConditionKeyStatus.Known)
            {
                context.Report(entry.KeyLocation, statement, $"the condition key {entry.Key} needs a tag name: {template.TemplatePrefix}tag-key");
            }
        }
    }
}
