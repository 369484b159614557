using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingQualifierRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2077",
        "MissingQualifier",
        ValidationFindingType.Error,
        "MISSING_QUALIFIER",
        "A multi-valued condition key is used without ForAllValues or ForAnyValue.",
        "Keys such as aws:TagKeys carry a list of values. Without ForAllValues: or ForAnyValue: the operator compares the whole list in a way that is hard to predict.",
        "Say which set test you mean: ForAnyValue: (some value matches) or ForAllValues: (every value matches).",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:TagKeys": "team"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": "team"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry) in context.Policy.ConditionEntries())
        {
            if (block.Operator.Qualifier != SetQualifier.None || block.Operator.Kind is ConditionOperatorKind.Null or ConditionOperatorKind.Unknown)
            {
                continue;
            }

            if (context.Catalog.ConditionKey(entry.Key.Text) is { Status: ConditionKeyStatus.Known, Key.IsMultiValued: true })
            {
                context.Report(entry.KeyLocation, statement, $"the condition key {entry.Key} has multiple values; write ForAnyValue:{block.Operator.Text} or ForAllValues:{block.Operator.Text}");
            }
        }
    }
}
