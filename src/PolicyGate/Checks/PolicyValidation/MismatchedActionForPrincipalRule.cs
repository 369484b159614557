using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MismatchedActionForPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2035",
        "MismatchedActionForPrincipal",
        ValidationFindingType.Error,
        "MISMATCHED_ACTION_FOR_PRINCIPAL",
        "A federated principal is paired with the assume-role action of another provider kind.",
        "SAML providers assume roles with sts:AssumeRoleWithSAML, OIDC and web identity providers with sts:AssumeRoleWithWebIdentity. A statement that pairs a provider with the other action never matches a request.",
        "Use sts:AssumeRoleWithSAML for SAML providers and sts:AssumeRoleWithWebIdentity for OIDC providers.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Corp"}, "Action": "sts:AssumeRoleWithWebIdentity"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Corp"}, "Action": "sts:AssumeRoleWithSAML"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var providers = (statement.Principal?.Entries ?? []).Where(e => e.Type == PrincipalType.Federated).SelectMany(e => e.Items).Where(i => i.Value.IsFullyKnown).ToList();
            if (providers.Count == 0)
            {
                continue;
            }

            foreach (var action in statement.Action?.Items ?? [])
            {
                if (!action.Value.IsFullyKnown || action.HasWildcard)
                {
                    continue;
                }

                var wanted = action.Text.Equals("sts:AssumeRoleWithSAML", StringComparison.OrdinalIgnoreCase) ? FederatedProviderKind.Saml
                    : action.Text.Equals("sts:AssumeRoleWithWebIdentity", StringComparison.OrdinalIgnoreCase) ? FederatedProviderKind.WebIdentity
                    : (FederatedProviderKind?)null;
                if (wanted is null)
                {
                    continue;
                }

                var mismatched = providers.Where(p => FederatedProviders.KindOf(p.Text) is var k && k != wanted && k != FederatedProviderKind.Invalid).Select(p => p.Text).ToList();
                if (mismatched.Count > 0)
                {
                    context.Report(action.Value, statement, $"{action.Text} does not work with the principal(s) {string.Join(", ", mismatched)}; SAML providers use sts:AssumeRoleWithSAML, OIDC providers sts:AssumeRoleWithWebIdentity");
                }
            }
        }
    }
}
