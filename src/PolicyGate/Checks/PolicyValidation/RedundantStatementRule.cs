using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RedundantStatementRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2132",
        "RedundantStatement",
        ValidationFindingType.Suggestion,
        "REDUNDANT_STATEMENT",
        "Two statements grant or deny exactly the same.",
        "A statement identical to another one (apart from its Sid) adds nothing.",
        "Remove one of the statements.",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Sid": "B", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Sid": "B", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        var seen = new Dictionary<string, PolicyStatement>(StringComparer.Ordinal);
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Guard.IsConditional)
            {
                continue;
            }

            var key = StatementFingerprint.Of(statement);
            if (key is null)
            {
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                context.Report(statement.Node.StartLocation(), statement, $"{statement.Label} is identical to {first.Label} (line {first.Span.StartLine}); remove one of them");
            }
            else
            {
                seen[key] = statement;
            }
        }
    }
}
