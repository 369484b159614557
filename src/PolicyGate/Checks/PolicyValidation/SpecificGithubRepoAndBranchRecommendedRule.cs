using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class SpecificGithubRepoAndBranchRecommendedRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2042",
        "SpecificGithubRepoAndBranchRecommended",
        ValidationFindingType.Warning,
        "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED",
        "The GitHub subject condition uses a wildcard.",
        "A * in token.actions.githubusercontent.com:sub lets more repositories, branches or environments assume the role than you may intend.",
        "Name the repository and branch (or environment) exactly.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/*"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:octo-org/app:ref:refs/heads/main"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry, value) in context.Policy.ConditionValues())
        {
            if (entry.Key.Is(FederatedProviders.GitHub + ":sub") && block.Operator.IsLike && value.IsFullyKnown && value.Text.Contains('*', StringComparison.Ordinal))
            {
                context.Report(value, statement, $"the wildcard in {entry.Key} value \"{value.Text}\" allows more repositories or branches than one; name them exactly");
            }
        }
    }
}
