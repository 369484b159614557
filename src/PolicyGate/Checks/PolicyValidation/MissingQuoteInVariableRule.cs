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
        SharedChecks.VariableProblems(context, VariableProblemKind.MissingQuote, problem => $"the default value of the policy variable \"{problem.Text}\" must be in single quotes");
    }
}
