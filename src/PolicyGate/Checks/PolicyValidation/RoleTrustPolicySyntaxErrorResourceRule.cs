using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RoleTrustPolicySyntaxErrorResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2033",
        "RoleTrustPolicySyntaxErrorResource",
        ValidationFindingType.Error,
        "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE",
        "A role trust policy has a Resource or NotResource element.",
        "A role trust policy applies to the role it is attached to, so it cannot name resources; IAM rejects Resource and NotResource in it.",
        "Remove the Resource element.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Resource, statement.NotResource })
            {
                if (element is not null)
                {
                    context.Report(element.KeyLocation, statement, $"a role trust policy cannot have {element.Name}; it applies to its role");
                }
            }
        }
    }
}
