using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidFederatedPrincipalSyntaxInRoleTrustPolicyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2034",
        "InvalidFederatedPrincipalSyntaxInRoleTrustPolicy",
        ValidationFindingType.Error,
        "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY",
        "A Federated principal is neither a provider domain nor a SAML/OIDC provider ARN.",
        "A Federated principal names an identity provider: a domain (cognito-identity.amazonaws.com, accounts.google.com) or the ARN of an IAM SAML or OIDC provider (arn:aws:iam::111122223333:saml-provider/Name).",
        "Use the provider's domain or its IAM provider ARN.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:role/Saml"}, "Action": "sts:AssumeRoleWithSAML"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Corp"}, "Action": "sts:AssumeRoleWithSAML"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry, item) in context.Policy.PrincipalItems())
        {
            if (entry.Type == PrincipalType.Federated && item.Value.IsFullyKnown && FederatedProviders.KindOf(item.Text) == FederatedProviderKind.Invalid)
            {
                context.Report(item.Value, statement, $"the Federated principal \"{item.Text}\" is neither a provider domain nor an IAM saml-provider/oidc-provider ARN");
            }
        }
    }
}
