using System.Text.RegularExpressions;

namespace PolicyGate.Iam.Model;

public enum FederatedProviderKind
{
    Saml,

    /// <summary>OIDC providers, Amazon Cognito and the public web identity providers.</summary>
    WebIdentity,
    Invalid,
}

/// <summary>Recognises Federated principal values: provider domains and IAM SAML/OIDC provider ARNs.</summary>
public static partial class FederatedProviders
{
    public const string GitHub = "token.actions.githubusercontent.com";

    public static FederatedProviderKind KindOf(string text)
    {
        var arn = Text.Arn.TryParse(text);
        if (arn is { Prefix: "arn", Service: "iam" })
        {
            return arn.Resource.StartsWith("saml-provider/", StringComparison.Ordinal) ? FederatedProviderKind.Saml
                : arn.Resource.StartsWith("oidc-provider/", StringComparison.Ordinal) ? FederatedProviderKind.WebIdentity
                : FederatedProviderKind.Invalid;
        }

        return arn is null && DomainPattern().IsMatch(text) ? FederatedProviderKind.WebIdentity : FederatedProviderKind.Invalid;
    }

    /// <summary>The provider's host (the prefix of its condition keys): the domain, or what follows oidc-provider/.</summary>
    public static string Host(string text)
    {
        var arn = Text.Arn.TryParse(text);
        return arn is { Prefix: "arn" } && arn.Resource.StartsWith("oidc-provider/", StringComparison.Ordinal) ? arn.Resource["oidc-provider/".Length..] : text;
    }

    [GeneratedRegex("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(/[A-Za-z0-9._~%/-]*)?$")]
    private static partial Regex DomainPattern();
}

/// <summary>Recognises service principal names (lambda.amazonaws.com, states.eu-west-1.amazonaws.com, ...).</summary>
public static partial class ServicePrincipals
{
    public static bool IsWellFormed(string text) => ServicePattern().IsMatch(text);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*\\.(amazonaws\\.com|amazonaws\\.com\\.cn|amazon\\.com|c2s\\.ic\\.gov|sc2s\\.sgov\\.gov|amazonaws\\.eu)$")]
    private static partial Regex ServicePattern();
}
