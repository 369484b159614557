using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class DuplicateKeysWithDifferentCaseRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2071",
        "DuplicateKeysWithDifferentCase",
        ValidationFindingType.Error,
        "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
        "A condition operator lists the same key twice with different capitalisation.",
        "Condition key names are compared without regard to case, so aws:SourceIp and aws:sourceip under one operator are the same key given twice; which values apply is unclear.",
        "Merge the values under one key.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops", "aws:principaltag/team": "dev"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["ops", "dev"]}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var block in statement.Condition?.Blocks ?? [])
            {
                var seen = new Dictionary<string, ConditionEntry>(StringComparer.OrdinalIgnoreCase);
                foreach (var entry in block.Entries)
                {
                    if (seen.TryGetValue(entry.Key.Text, out var first) && first.Key.Text != entry.Key.Text)
                    {
                        context.Report(entry.KeyLocation, statement, $"the condition key {entry.Key} repeats {first.Key} (line {first.KeySpan.StartLine}) with different capitalisation under {block.Operator.Text}");
                    }
                    else
                    {
                        seen.TryAdd(entry.Key.Text, entry);
                    }
                }
            }
        }
    }
}
