using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Text;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingBraceInVariableRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2110",
        "MissingBraceInVariable",
        ValidationFindingType.Error,
        "MISSING_BRACE_IN_VARIABLE",
        "A policy variable has no closing brace.",
        "A policy variable is written ${key}; without the closing brace the text is not a variable.",
        "Add the closing brace.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}""");

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
                foreach (var problem in value.AsLiteralPattern().Problems.Where(p => p.Kind == VariableProblemKind.MissingBrace))
                {
                    context.Report(value, statement, $"the policy variable \"{problem.Text}\" has no closing brace");
                }
            }
        }
    }
}
