using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RoleTrustPolicySyntaxErrorNotPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2031",
        "RoleTrustPolicySyntaxErrorNotPrincipal",
        ValidationFindingType.Error,
        "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL",
        "A role trust policy uses NotPrincipal.",
        "Role trust policies do not support NotPrincipal; IAM rejects them.",
        "Name the principals that may assume the role in Principal.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "sts:AssumeRole"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "sts:AssumeRole"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.NotPrincipal is { } element)
            {
                context.Report(new SourceLocation(context.Policy.File.Path, element.KeySpan), statement, "role trust policies do not support NotPrincipal; use Principal");
            }
        }
    }
}
