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
        var text = $"{request.Action} on {Resource(statement, request)}";
        if (statement.Principal is { } principal)
        {
            text += $" to {Principal(principal, request.Principal ?? PrincipalIdentity.Anonymous)}";
        }

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

        // Account-wide patterns read arn:*:iam::ACCOUNT:* or arn:*:sts::ACCOUNT:*.
        var parts = pattern.Display.Split(':');
        if (parts.Length >= 6 && parts[^1] == "*" && parts[^2].Length == 12 && parts[^2].All(char.IsAsciiDigit))
        {
            return $"any principal in account {parts[^2]}";
        }

        if (pattern.Display.Contains(":assumed-role/", StringComparison.Ordinal))
        {
            return $"{PrincipalIdentity.Describe(identity)} (a session of a role it names)";
        }

        return $"{PrincipalIdentity.Describe(identity)} (matched by {pattern.Display})";
    }
}
