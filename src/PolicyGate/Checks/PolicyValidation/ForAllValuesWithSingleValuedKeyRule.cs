using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class ForAllValuesWithSingleValuedKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2078",
        "ForAllValuesWithSingleValuedKey",
        ValidationFindingType.SecurityWarning,
        "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
        "ForAllValues is used with a single-valued condition key.",
        "ForAllValues is also true when the key is absent from the request. With a single-valued key that makes the condition pass for requests that do not carry the key at all, which is more permissive than intended.",
        "Remove ForAllValues: (and add a Null check if the key must be present).",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ForAllValues:StringEquals": {"aws:PrincipalTag/team": "ops"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry) in context.Policy.ConditionEntries())
        {
            if (block.Operator.Qualifier == SetQualifier.ForAllValues
                && context.Catalog.ConditionKey(entry.Key.Text) is { Status: ConditionKeyStatus.Known, Key: { IsMultiValued: false, Type: not ConditionKeyType.Unknown } })
            {
                context.Report(entry.KeyLocation, statement, $"ForAllValues with the single-valued key {entry.Key} also matches requests without the key; remove ForAllValues:");
            }
        }
    }
}
