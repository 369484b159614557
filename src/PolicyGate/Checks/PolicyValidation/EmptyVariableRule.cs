using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Text;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyVariableRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2113",
        "EmptyVariable",
        ValidationFindingType.Error,
        "EMPTY_VARIABLE",
        "A policy variable is empty.",
        "An empty ${} names no key.",
        "Put a key in the variable or remove it.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${}/*"}]}""",
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
                foreach (var problem in value.AsLiteralPattern().Problems.Where(p => p.Kind == VariableProblemKind.Empty))
                {
                    context.Report(value, statement, $"the policy variable \"{problem.Text}\" is empty");
                }
            }
        }
    }
}
