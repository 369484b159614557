using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Text;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnsupportedSpaceInVariableRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2112",
        "UnsupportedSpaceInVariable",
        ValidationFindingType.Error,
        "UNSUPPORTED_SPACE_IN_VARIABLE",
        "A policy variable's key contains a space.",
        "Spaces are not allowed in the key of a policy variable (only after the comma before a default).",
        "Remove the space.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws: username}/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.VariableProblems(context, VariableProblemKind.UnsupportedSpace, problem => $"the policy variable \"{problem.Text}\" contains a space");
    }
}
