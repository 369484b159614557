using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Text;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingQuoteInVariableRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2111",
        "MissingQuoteInVariable",
        ValidationFindingType.Error,
        "MISSING_QUOTE_IN_VARIABLE",
        "A policy variable's default value is not in single quotes.",
        "The default of a policy variable is written in single quotes: ${aws:username, 'none'}.",
        "Quote the default value with single quotes.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username, none}/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username, 'none'}/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var values = (statement.Resource?.Values ?? []).Concat(statement.NotResource?.Values ?? [])
                .Concat(statement.Condition?.Entries.SelectMany(e => e.Entry.Values) ?? [])
                .Concat((statement.Action?.Values ?? []).Concat(statement.NotAction?.Values ?? []))
                .Concat((statement.Principal?.Items ?? []).Concat(statement.NotPrincipal?.Items ?? []).Select(i => i.Value));
            foreach (var value in values.Where(v => v.IsString))
            {
                foreach (var problem in value.AsLiteralPattern().Problems.Where(p => p.Kind == VariableProblemKind.MissingQuote))
                {
                    context.Report(value, statement, $"the default value of the policy variable \"{problem.Text}\" must be in single quotes");
                }
            }
        }
    }
}
