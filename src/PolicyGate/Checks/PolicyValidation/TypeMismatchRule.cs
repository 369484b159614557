using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class TypeMismatchRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2081",
        "TypeMismatch",
        ValidationFindingType.Warning,
        "TYPE_MISMATCH",
        "A condition operator does not fit the type of its key.",
        "Each condition key has a type (String, ARN, Numeric, Date, Bool, IP address). An operator of another family compares values the key never has in that form, for example NumericEquals on a string key.",
        "Use an operator of the key's type.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"NumericEquals": {"aws:SourceIp": "10"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry) in context.Policy.ConditionEntries())
        {
            var family = block.Operator.Family;
            if (family is OperatorFamily.Unknown or OperatorFamily.Null)
            {
                continue;
            }

            if (context.Catalog.ConditionKey(entry.Key.Text) is not { Status: ConditionKeyStatus.Known, Key: { } key })
            {
                continue;
            }

            var allowed = KeyTypeFamilies.For(key.Type.ElementType());
            if (allowed.Length > 0 && !allowed.Contains(family))
            {
                context.Report(entry.KeyLocation, statement, $"the key {entry.Key} is of type {key.Type}; use a {allowed[0]} operator instead of {block.Operator.Text}");
            }
        }
    }
}
