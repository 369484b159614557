using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class VariableUnsupportedInElementRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2114",
        "VariableUnsupportedInElement",
        ValidationFindingType.Error,
        "VARIABLE_UNSUPPORTED_IN_ELEMENT",
        "A policy variable is used outside Resource and Condition.",
        "Policy variables are substituted only in Resource, NotResource and condition values. In Action, Principal or Sid the ${...} text is taken literally.",
        "Move the variable into the Resource or a Condition.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:${aws:username}", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var values = (statement.Action?.Values ?? []).Concat(statement.NotAction?.Values ?? [])
                .Concat((statement.Principal?.Items ?? []).Concat(statement.NotPrincipal?.Items ?? []).Select(i => i.Value))
                .Concat(statement.Sid?.Values ?? []);
            foreach (var value in values.Where(v => v.IsString))
            {
                if (value.AsLiteralPattern().Variables.FirstOrDefault() is { } variable)
                {
                    context.Report(value, statement, $"the policy variable ${{{variable.Key}}} in \"{value.Text}\" is not substituted here; variables work only in Resource and Condition");
                }
            }
        }
    }
}
