using PolicyGate.Iam.Model;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>
/// What a policy allows, in one line: "allows s3:GetObject, s3:PutObject on arn:aws:s3:::bucket/*; iam:PassRole
/// on *; denies ...". Lists are cut after a few entries so the line stays readable.
/// </summary>
public static class GrantSummary
{
    private const int MaxEntries = 4;

    public static string Of(PolicyDocument policy)
    {
        var allows = policy.Statements.Where(s => s.IsAllow).Select(Statement).ToList();
        var denies = policy.Statements.Where(s => s.IsDeny).Select(Statement).ToList();
        if (allows.Count == 0)
        {
            return denies.Count == 0 ? "allows nothing" : $"allows nothing; denies {Join(denies, "; ")}";
        }

        var text = $"allows {Join(allows, "; ")}";
        return denies.Count == 0 ? text : $"{text}; denies {Join(denies, "; ")}";
    }

    private static string Statement(PolicyStatement statement)
    {
        var actions = statement.Action is { } action ? List(action.Items.Select(a => a.Text))
            : statement.NotAction is { } notAction ? $"every action except {List(notAction.Items.Select(a => a.Text))}" : "no action";
        // A resource or trust policy without Resource governs the resource it is attached to.
        var resources = statement.Resource is { } resource ? $" on {List(resource.Items.Select(r => r.Text))}"
            : statement.NotResource is { } notResource ? $" on every resource except {List(notResource.Items.Select(r => r.Text))}" : string.Empty;
        var principal = statement.Principal is { } p ? $" to {List(p.Entries.SelectMany(e => e.Items).Select(i => i.Text))}" : string.Empty;
        var condition = statement.Condition is not null ? " (with conditions)" : string.Empty;
        return $"{actions}{resources}{principal}{condition}";
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= MaxEntries ? string.Join(", ", list) : $"{string.Join(", ", list.Take(MaxEntries))} and {list.Count - MaxEntries} more";
    }

    private static string Join(List<string> parts, string separator) =>
        parts.Count <= MaxEntries ? string.Join(separator, parts) : $"{string.Join(separator, parts.Take(MaxEntries))}{separator}and {parts.Count - MaxEntries} more statements";
}
