using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class WildcardWithoutLikeOperatorRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2080",
        "WildcardWithoutLikeOperator",
        ValidationFindingType.Warning,
        "WILDCARD_WITHOUT_LIKE_OPERATOR",
        "A condition value has * or ? but the operator does not match wildcards.",
        "StringEquals and StringNotEquals compare literally, so \"team-*\" matches only the text team-*. If a wildcard was meant, the operator must be StringLike or StringNotLike.",
        "Use StringLike (or StringNotLike) for patterns.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ops-*"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringLike": {"aws:PrincipalTag/team": "ops-*"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry, value) in context.Policy.ConditionValues())
        {
            if (block.Operator.Kind is not (ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase)
                || !value.IsString)
            {
                continue;
            }

            var literal = value.AsLiteralPattern();
            if (literal.Segments.Any(s => s.Kind == PolicyGate.Iam.Text.SegmentKind.Literal && s.Length == s.Text.Length && (s.Text.Contains('*', StringComparison.Ordinal) || s.Text.Contains('?', StringComparison.Ordinal))))
            {
                var like = block.Operator.Kind is ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringEqualsIgnoreCase ? "StringLike" : "StringNotLike";
                context.Report(value, statement, $"the value \"{value.Text}\" of {entry.Key} has a wildcard but {block.Operator.BaseName} compares literally; use {like} if a pattern is meant");
            }
        }
    }
}
