using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingConditionKeyForOidcPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2040",
        "MissingConditionKeyForOidcPrincipal",
        ValidationFindingType.SecurityWarning,
        "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
        "A trust policy lets an OIDC provider assume the role without a condition on its claims.",
        "Without conditions on the provider's keys (its audience or subject), every identity the provider issues tokens for can assume the role.",
        "Add conditions on the provider's keys, for example oidc.example.com:aud and oidc.example.com:sub.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.example.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.example.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"oidc.example.com:aud": "my-app"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (!statement.IsAllow)
            {
                continue;
            }

            foreach (var item in (statement.Principal?.Entries ?? []).Where(e => e.Type == PrincipalType.Federated).SelectMany(e => e.Items))
            {
                if (!item.Value.IsFullyKnown || FederatedProviders.KindOf(item.Text) != FederatedProviderKind.WebIdentity)
                {
                    continue;
                }

                var host = FederatedProviders.Host(item.Text);
                if (host.Equals(FederatedProviders.GitHub, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!statement.ConditionsOn(k => k.Prefix is { } p && p.Equals(host, StringComparison.OrdinalIgnoreCase)).Any())
                {
                    context.Report(item.Value, statement, $"the OIDC principal {item.Text} can assume the role without a condition on {host}:aud or {host}:sub");
                }
            }
        }
    }
}
