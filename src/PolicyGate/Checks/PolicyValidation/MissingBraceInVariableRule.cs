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
        SharedChecks.VariableProblems(context, VariableProblemKind.MissingBrace, problem => $"the policy variable \"{problem.Text}\" has no closing brace");
    }
}
