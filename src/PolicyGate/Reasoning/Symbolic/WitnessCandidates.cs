using System.Text;
using PolicyGate.Iam.Catalog;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Realistic values to try first when a counterexample is built: real action names from the catalog, ARNs
/// from the policies with their wildcards filled in, principals of the accounts the policies name. They only
/// choose among values the theory already allows; the catalog never prunes what the engine considers.
/// </summary>
public sealed class WitnessCandidates(Func<IamCatalog?> catalog, string outsideAccount)
{
    private const int MaxCatalogActions = 200;

    public IEnumerable<string> For(DimensionDemands demands)
    {
        var patterns = demands.AnyTrue.Concat(demands.AllTrue).SelectMany(p => p.Patterns).ToList();
        return demands.Dimension.Kind switch
        {
            DimensionKind.Action => Actions(patterns),
            DimensionKind.Principal => Principals(demands),
            _ => [.. patterns.SelectMany(Fill), "example"],
        };
    }

    /// <summary>A value for a dimension nothing constrains.</summary>
    public string Default(DimensionKind kind) => kind switch
    {
        DimensionKind.Action => "s3:GetObject",
        DimensionKind.Principal => PrincipalIdentity.OfAws($"arn:aws:iam::{outsideAccount}:role/example-role"),
        DimensionKind.Resource => "*",
        _ => "example",
    };

    /// <summary>The pattern with <c>*</c> read as "example" (or as nothing) and <c>?</c> as "x".</summary>
    public static IEnumerable<string> Fill(TextPattern pattern)
    {
        if (pattern.IsNever || pattern.HasVariables)
        {
            yield break;
        }

        yield return Fill(pattern, "example");
        yield return Fill(pattern, string.Empty);
    }

    public static string Fill(TextPattern pattern, string star)
    {
        var text = new StringBuilder();
        foreach (var token in pattern.Tokens)
        {
            text.Append(token.Kind switch
            {
                TokenKind.Literal => token.Char.ToString(),
                TokenKind.AnyChar or TokenKind.AnyCharInField => "x",

                // An ARN's partition reads best as the common one: arn:aws:..., not arn:example:...
                TokenKind.AnyStringInField when text.ToString().EndsWith("arn:", StringComparison.Ordinal) => "aws",
                _ => star,
            });
        }

        return text.ToString();
    }

    private IEnumerable<string> Actions(List<TextPattern> patterns)
    {
        var known = catalog();
        foreach (var pattern in patterns)
        {
            if (known is not null && !pattern.IsNever)
            {
                var glob = Iam.Text.Glob.Parse(string.Concat(pattern.Tokens.Select(t => t.IsStar ? '*' : t.IsWildcard ? '?' : t.Char)), ignoreCase: true);
                var service = glob.LiteralPrefix.Contains(':', StringComparison.Ordinal) ? glob.LiteralPrefix[..glob.LiteralPrefix.IndexOf(':', StringComparison.Ordinal)] : null;
                foreach (var action in known.ActionsMatching(glob, service).Take(MaxCatalogActions))
                {
                    yield return action.FullName;
                }
            }

            if (pattern.IsLiteral && pattern.IgnoreCase)
            {
                // The action as written ("svc:DoThing"), not its case-folded tokens.
                yield return pattern.Display;
            }

            foreach (var filled in Fill(pattern))
            {
                yield return filled;
            }
        }

        yield return Default(DimensionKind.Action);
    }

    private IEnumerable<string> Principals(DimensionDemands demands)
    {
        var accounts = demands.AnyTrue.Concat(demands.AllTrue).Concat(demands.AnyFalse)
            .SelectMany(p => p.Patterns)
            .SelectMany(p => Accounts(p.Display))
            .Append(outsideAccount)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var pattern in demands.AnyTrue.SelectMany(p => p.Patterns).Where(p => p.IsLiteral))
        {
            yield return Fill(pattern, string.Empty);
        }

        foreach (var account in accounts)
        {
            yield return PrincipalIdentity.OfAws($"arn:aws:iam::{account}:role/example-role");
            yield return PrincipalIdentity.OfAws($"arn:aws:iam::{account}:root");
            yield return PrincipalIdentity.OfAws($"arn:aws:iam::{account}:user/example-user");
            yield return PrincipalIdentity.OfAws($"arn:aws:sts::{account}:assumed-role/example-role/example-session");
        }

        foreach (var pattern in demands.AnyTrue.SelectMany(p => p.Patterns).Where(p => p.Display.Contains("assumed-role", StringComparison.Ordinal) || p.Display.Contains(":role/", StringComparison.Ordinal)))
        {
            yield return Fill(pattern, "example-session");
        }

        yield return PrincipalIdentity.Anonymous;
        yield return PrincipalIdentity.Service + "example.amazonaws.com";
        yield return PrincipalIdentity.Federated + "accounts.google.com";
        foreach (var pattern in demands.AnyTrue.SelectMany(p => p.Patterns))
        {
            yield return Fill(pattern, "example");
        }
    }

    private static IEnumerable<string> Accounts(string text)
    {
        for (var i = 0; i + 12 <= text.Length; i++)
        {
            if ((i == 0 || !char.IsAsciiDigit(text[i - 1])) && text.AsSpan(i, 12).IndexOfAnyExceptInRange('0', '9') < 0
                && (i + 12 == text.Length || !char.IsAsciiDigit(text[i + 12])))
            {
                yield return text.Substring(i, 12);
            }
        }
    }
}
