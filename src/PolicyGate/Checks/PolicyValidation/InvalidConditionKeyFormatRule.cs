using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidConditionKeyFormatRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2070",
        "InvalidConditionKeyFormat",
        ValidationFindingType.Error,
        "INVALID_CONDITION_KEY_FORMAT",
        "A condition key is not of the form prefix:name.",
        "Condition keys are written service:key-name (aws:SourceIp, s3:prefix); a key without a prefix and colon is not a condition key.",
        "Write the key with its prefix, for example aws:SourceIp.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"SourceIp": "203.0.113.0/24"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry) in context.Policy.ConditionEntries())
        {
            var colon = entry.Key.Text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == entry.Key.Text.Length - 1)
            {
                context.Report(entry.KeyLocation, statement, $"the condition key \"{entry.Key}\" is not of the form prefix:name");
            }
        }
    }
}
