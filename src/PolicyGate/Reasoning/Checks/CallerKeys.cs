using System.Collections.Frozen;
using PolicyGate.Reasoning.Patterns;

namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// Condition keys that say who the caller is or where the call comes from. A grant is public only if an
/// outsider gets it, and an outsider cannot choose these values: their account, organisation, VPC, source
/// ARN or token subject are their own. For each key this gives the values an outsider could present; a
/// condition that admits none of them restricts the caller. Other keys (tags, MFA, transport) an outsider
/// controls freely.
/// </summary>
public static class CallerKeys
{
    /// <summary>IPv4 ranges with at least this many prefix bits restrict the caller; shorter ones are public (as S3 treats them).</summary>
    public const int MinIpv4Prefix = 8;

    /// <summary>IPv6 ranges with at least this many prefix bits restrict the caller.</summary>
    public const int MinIpv6Prefix = 32;

    private enum Form
    {
        Account,
        Arn,
        Id,
        Path,
        Prefix,
        False,
    }

    private static readonly FrozenDictionary<string, (Form Form, string IdPrefix)> Known = new Dictionary<string, (Form, string)>(StringComparer.Ordinal)
    {
        ["aws:sourceaccount"] = (Form.Account, string.Empty),
        ["aws:sourceowner"] = (Form.Account, string.Empty),
        ["aws:principalaccount"] = (Form.Account, string.Empty),
        ["aws:vpceaccount"] = (Form.Account, string.Empty),
        ["kms:calleraccount"] = (Form.Account, string.Empty),
        ["s3:dataaccesspointaccount"] = (Form.Account, string.Empty),
        ["aws:sourcearn"] = (Form.Arn, string.Empty),
        ["aws:principalarn"] = (Form.Arn, string.Empty),
        ["aws:sourcevpcarn"] = (Form.Arn, string.Empty),
        ["s3:x-amz-server-side-encryption-aws-kms-key-id"] = (Form.Arn, string.Empty),
        ["aws:sourcevpc"] = (Form.Id, "vpc-"),
        ["aws:sourcevpce"] = (Form.Id, "vpce-"),
        ["aws:principalorgid"] = (Form.Id, "o-"),
        ["aws:sourceorgid"] = (Form.Id, "o-"),
        ["aws:vpceorgid"] = (Form.Id, "o-"),
        ["aws:username"] = (Form.Id, string.Empty),
        ["aws:principalservicename"] = (Form.Id, string.Empty),
        ["aws:principalservicenameslist"] = (Form.Id, string.Empty),
        ["aws:principalorgpaths"] = (Form.Path, "o-"),
        ["aws:sourceorgpaths"] = (Form.Path, "o-"),
        ["aws:vpceorgpaths"] = (Form.Path, "o-"),
        ["aws:userid"] = (Form.Prefix, string.Empty),
        ["aws:principalisawsservice"] = (Form.False, string.Empty),
        ["token.actions.githubusercontent.com:sub"] = (Form.Prefix, "repo:"),
        ["cognito-identity.amazonaws.com:aud"] = (Form.Id, "us-east-1:"),
        ["accounts.google.com:aud"] = (Form.Id, string.Empty),
        ["graph.facebook.com:app_id"] = (Form.Id, string.Empty),
        ["www.amazon.com:app_id"] = (Form.Id, string.Empty),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Keys compared as addresses: an outsider's address lies outside every narrow range.</summary>
    public static bool IsAddressKey(string keyId) => keyId is "aws:sourceip" or "aws:vpcsourceip";

    /// <summary>
    /// The string values an outsider could present for <paramref name="keyId"/>, or null when the key does not
    /// restrict the caller. Any identity provider's <c>sub</c> claim restricts (the outsider's subject is their own).
    /// </summary>
    public static TextPattern? OutsiderValues(string keyId, FreshValues fresh)
    {
        if (!Known.TryGetValue(keyId, out var known))
        {
            if (!keyId.EndsWith(":sub", StringComparison.Ordinal) || keyId.StartsWith("aws:", StringComparison.Ordinal))
            {
                return null;
            }

            known = (Form.Prefix, string.Empty);
        }

        return known.Form switch
        {
            Form.Account => TextPattern.Exact(fresh.Account),
            Form.Arn => PolicyPatterns.FromText($"arn:*:*:*:{fresh.Account}:*", PatternSyntax.Arn, ignoreCase: false),
            Form.Id => TextPattern.Exact(known.IdPrefix + fresh.Token),
            Form.Path => TextPattern.Glob($"{known.IdPrefix}{fresh.Token}/*"),
            Form.Prefix => TextPattern.Glob($"{known.IdPrefix}{fresh.Token}*"),
            _ => TextPattern.Exact("false", ignoreCase: true),
        };
    }
}
