using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingGithubRepoConditionKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2041",
        "MissingGithubRepoConditionKey",
        ValidationFindingType.SecurityWarning,
        "MISSING_GITHUB_REPO_CONDITION_KEY",
        "A trust policy lets GitHub Actions assume the role without restricting the repository.",
        "GitHub's OIDC provider issues tokens to every repository on GitHub. Without a condition on token.actions.githubusercontent.com:sub, any workflow of any repository can assume the role.",
        "Add a condition on token.actions.githubusercontent.com:sub naming your repository (and branch or environment).",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/main"}}}]}""");

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

            var github = (statement.Principal?.Entries ?? []).Where(e => e.Type == PrincipalType.Federated).SelectMany(e => e.Items)
                .FirstOrDefault(i => i.Value.IsFullyKnown && FederatedProviders.Host(i.Text).Equals(FederatedProviders.GitHub, StringComparison.OrdinalIgnoreCase));
            if (github is not null && !statement.ConditionsOn(k => k.Is(FederatedProviders.GitHub + ":sub")).Any())
            {
                context.Report(github.Value, statement, $"GitHub Actions can assume the role from any repository: add a condition on {FederatedProviders.GitHub}:sub");
            }
        }
    }
}
