using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Patterns;

namespace PolicyGate.Reasoning.Policies;

/// <summary>A principal pattern and whether IAM certainly reads the value that way (false: only possibly).</summary>
public readonly record struct PrincipalPattern(TextPattern Pattern, bool Certain);

/// <summary>
/// The identity strings (see <see cref="PrincipalIdentity"/>) a Principal or NotPrincipal value names. An
/// account names every identity of the account and a role names its sessions too (Access Analyzer compares
/// principals that way). Inside NotPrincipal IAM excludes only what is listed literally, so there those
/// expansions are uncertain and the reader decides whether to count them.
/// </summary>
public static class PrincipalPatterns
{
    public static IEnumerable<PrincipalPattern> Of(PrincipalItem item, bool inNotPrincipal, bool unknownMatchesAnything, bool partialArnsNameOneAccount = false)
    {
        var value = item.Value;
        if (item.Type == PrincipalType.Everyone)
        {
            yield return new PrincipalPattern(TextPattern.Anything, value.IsFullyKnown);
            yield break;
        }

        var prefix = item.Type switch
        {
            PrincipalType.Aws => PrincipalIdentity.Aws,
            PrincipalType.Service => PrincipalIdentity.Service,
            PrincipalType.Federated => PrincipalIdentity.Federated,
            PrincipalType.CanonicalUser => PrincipalIdentity.CanonicalUser,
            _ => null,
        };
        if (prefix is null)
        {
            // A key IAM does not know: the value might name anyone.
            yield return new PrincipalPattern(TextPattern.Anything, false);
            yield break;
        }

        if (!value.IsFullyKnown)
        {
            if (partialArnsNameOneAccount && !inNotPrincipal && item.Type == PrincipalType.Aws && !value.IsUnknown && value.Text.StartsWith("arn:", StringComparison.Ordinal))
            {
                yield return new PrincipalPattern(TextPattern.Never(value.Text), false);
                yield break;
            }

            var read = PolicyPatterns.FromValue(value, PatternSyntax.Arn, ignoreCase: false, variables: false, unknownMatchesAnything);
            yield return new PrincipalPattern(read.IsNever ? read : Prefixed(prefix, read), false);
            yield break;
        }

        var text = value.Text;
        if (item.Type != PrincipalType.Aws)
        {
            yield return new PrincipalPattern(Prefixed(prefix, PolicyPatterns.FromText(text, PatternSyntax.Arn, ignoreCase: false)), true);
            yield break;
        }

        switch (item.Form)
        {
            case AwsPrincipalForm.Wildcard:
                yield return new PrincipalPattern(Prefixed(prefix, TextPattern.Anything), true);

                // The IAM documentation gives {"AWS":"*"} and "*" as the same grant: anonymous callers included.
                yield return new PrincipalPattern(TextPattern.Exact(PrincipalIdentity.Anonymous), true);
                break;
            case AwsPrincipalForm.AccountId or AwsPrincipalForm.AccountRoot:
                // "111122223333" and "arn:aws:iam::111122223333:root" name the same principals: an account principal
                // constrains the account only (iam-reasoning.md 1.6, Principal row), whatever partition is written.
                var account = item.Account!;
                string? partition = null;
                yield return new PrincipalPattern(Arn(partition, "iam", account, "root", wildcardTail: false), true);
                yield return new PrincipalPattern(Arn(partition, "iam", account, string.Empty, wildcardTail: true), !inNotPrincipal);
                yield return new PrincipalPattern(Arn(partition, "sts", account, string.Empty, wildcardTail: true), !inNotPrincipal);
                break;
            case AwsPrincipalForm.Role when !HasWildcard(text):
                var arn = Iam.Text.Arn.TryParse(text)!;
                var name = arn.Resource[(arn.Resource.LastIndexOf('/') + 1)..];
                yield return new PrincipalPattern(TextPattern.Exact(PrincipalIdentity.OfAws(text)), true);
                yield return new PrincipalPattern(Arn(arn.Partition, "sts", arn.Account, $"assumed-role/{name}/", wildcardTail: true), !inNotPrincipal);
                break;
            default:
                yield return new PrincipalPattern(Prefixed(prefix, PolicyPatterns.FromText(text, PatternSyntax.Arn, ignoreCase: false)), true);
                break;
        }
    }

    /// <summary>Identities of a fresh account no policy names: callers from outside (CheckNoPublicAccess).</summary>
    public static TextPattern OutsideAccount(string freshAccount) => Arn(null, null, freshAccount, string.Empty, wildcardTail: true);

    /// <summary>Every identity of the kind: <c>Federated:</c> followed by anything, for example.</summary>
    public static TextPattern AnyOfKind(string prefix) => Prefixed(prefix, TextPattern.Anything);

    /// <summary>Federated identities through SAML providers (a customer's own identity provider).</summary>
    public static TextPattern SamlProviders() =>
        Prefixed(PrincipalIdentity.Federated, PolicyPatterns.FromText("arn:*:iam::*:saml-provider/*", PatternSyntax.Arn, ignoreCase: false));

    private static TextPattern Prefixed(string prefix, TextPattern inner) =>
        inner.IsNever ? inner : TextPattern.Create(prefix.Select(PatternToken.Literal).Concat(inner.Tokens), inner.IgnoreCase, prefix + inner.Display);

    /// <summary><c>AWS:arn:PARTITION:SERVICE::ACCOUNT:RESOURCE</c>, with a field wildcard where partition or service is null.</summary>
    private static TextPattern Arn(string? partition, string? service, string account, string resource, bool wildcardTail)
    {
        var tokens = new List<PatternToken>();
        void Text(string s) => tokens.AddRange(s.Select(PatternToken.Literal));
        Text(PrincipalIdentity.Aws + "arn:");
        if (partition is null) tokens.Add(PatternToken.AnyInField); else Text(partition);
        Text(":");
        if (service is null) tokens.Add(PatternToken.AnyInField); else Text(service);
        Text($"::{account}:{resource}");
        if (wildcardTail)
        {
            tokens.Add(PatternToken.Any);
        }

        var display = $"arn:{partition ?? "*"}:{service ?? "*"}::{account}:{resource}{(wildcardTail ? "*" : string.Empty)}";
        return TextPattern.Create(tokens, ignoreCase: false, display);
    }

    private static bool HasWildcard(string text) => text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal);
}
