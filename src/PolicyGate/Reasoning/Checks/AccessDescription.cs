using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;

namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// Says in a reviewer's words what a counterexample shows a statement grants: "s3:DeleteObject on
/// arn:aws:s3:::prod-data/* to any principal in account 111122223333 when aws:MultiFactorAuthPresent is absent".
/// The resource and principal are named as the statement writes them when one of its entries covers the
/// request, so the reviewer sees the line to change.
/// </summary>
public static class AccessDescription
{
    public static string Describe(ReadStatement statement, AccessRequest request)
    {
        // An identity policy names no principal: it grants to whoever it is attached to.
        var to = statement.Principal is { } principal ? Principal(principal, request.Principal ?? PrincipalIdentity.Anonymous) : "the policy's principal";
        var text = $"{request.Action} on {Resource(statement, request)} to {to}";

        var conditions = request.Context.Select(kv => kv.Value.IsDefaultOrEmpty ? $"{kv.Key} is absent"
            : kv.Value.Length == 1 ? $"{kv.Key} is \"{kv.Value[0]}\""
            : $"{kv.Key} is [{string.Join(", ", kv.Value.Select(v => $"\"{v}\""))}]").ToList();
        return conditions.Count == 0 ? text : $"{text} when {string.Join(" and ", conditions)}";
    }

    private static string Resource(ReadStatement statement, AccessRequest request)
    {
        if (!statement.Resource.Negated)
        {
            foreach (var pattern in statement.Resource.Patterns)
            {
                if (pattern.Substitute(request.ValuesOf) is { } resolved && PatternMatcher.Matches(resolved, request.Resource))
                {
                    return pattern.IsUniversal ? "any resource (\"*\")" : pattern.Display;
                }
            }
        }

        return request.Resource;
    }

    private static string Principal(ElementTest element, string identity)
    {
        if (element.Negated)
        {
            return $"{PrincipalIdentity.Describe(identity)} (NotPrincipal does not list it)";
        }

        var pattern = element.Patterns.FirstOrDefault(p => PatternMatcher.Matches(p, identity));
        if (pattern is not null && AccountOf(pattern) is { } account)
        {
            return $"any principal in account {account}";
        }

        if (pattern is null || pattern.IsLiteral)
        {
            return PrincipalIdentity.Describe(identity);
        }

        if (pattern.IsUniversal)
        {
            return "anyone, anonymous callers included (\"*\")";
        }

        if (pattern.Display == PrincipalIdentity.Aws + "*")
        {
            return "any AWS principal (\"AWS\": \"*\")";
        }

        if (pattern.Display.Contains(":assumed-role/", StringComparison.Ordinal))
        {
            return $"{PrincipalIdentity.Describe(identity)} (a session of a role it names)";
        }

        return $"{PrincipalIdentity.Describe(identity)} (matched by {pattern.Display})";
    }

    /// <summary>The account an account principal names: its patterns read arn:P:iam::ACCOUNT:root, arn:P:iam::ACCOUNT:* or arn:P:sts::ACCOUNT:*.</summary>
    private static string? AccountOf(TextPattern pattern)
    {
        var parts = pattern.Display.Split(':');
        return parts.Length == 6 && parts[0] == "arn" && parts[2] is "iam" or "sts" or "*" && parts[3].Length == 0
               && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) && parts[5] is "root" or "*"
            ? parts[4]
            : null;
    }
}
