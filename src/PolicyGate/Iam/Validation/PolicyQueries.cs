using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>Walks over a policy model that many checks share.</summary>
public static class PolicyQueries
{
    public static IEnumerable<(PolicyStatement Statement, ActionItem Item)> ActionItems(this PolicyDocument policy) =>
        policy.Statements.SelectMany(s => (s.Action?.Items ?? []).Select(i => (s, i)));

    /// <summary>Entries of Action and NotAction alike.</summary>
    public static IEnumerable<(PolicyStatement Statement, ActionItem Item)> AnyActionItems(this PolicyDocument policy) =>
        policy.Statements.SelectMany(s => (s.Action?.Items ?? []).Concat(s.NotAction?.Items ?? []).Select(i => (s, i)));

    /// <summary>Entries of Resource and NotResource alike.</summary>
    public static IEnumerable<(PolicyStatement Statement, ResourceItem Item)> AnyResourceItems(this PolicyDocument policy) =>
        policy.Statements.SelectMany(s => (s.Resource?.Items ?? []).Concat(s.NotResource?.Items ?? []).Select(i => (s, i)));

    public static IEnumerable<(PolicyStatement Statement, PrincipalElement Element, PrincipalEntry Entry, PrincipalItem Item)> PrincipalItems(this PolicyDocument policy) =>
        from s in policy.Statements
        from e in new[] { s.Principal, s.NotPrincipal }
        where e is not null
        from entry in e!.Entries
        from item in entry.Items
        select (s, e!, entry, item);

    public static IEnumerable<(PolicyStatement Statement, ConditionBlock Block, ConditionEntry Entry)> ConditionEntries(this PolicyDocument policy) =>
        from s in policy.Statements
        where s.Condition is not null
        from b in s.Condition!.Blocks
        from e in b.Entries
        select (s, b, e);

    public static IEnumerable<(PolicyStatement Statement, ConditionBlock Block, ConditionEntry Entry, PolicyValue Value)> ConditionValues(this PolicyDocument policy) =>
        from x in policy.ConditionEntries()
        from v in x.Entry.Values
        select (x.Statement, x.Block, x.Entry, v);

    /// <summary>
    /// True when the statement's Action (or NotAction) lets it apply to <paramref name="action"/>: an Action entry
    /// matches it, or NotAction is present and no entry matches it.
    /// </summary>
    public static bool AppliesToAction(this PolicyStatement statement, string action)
    {
        if (statement.Action is { } actions)
        {
            return actions.Items.Any(i => i.Matches(action));
        }

        return statement.NotAction is { } notActions && !notActions.Items.Any(i => i.Matches(action) || i.Value.IsUnknown);
    }

    /// <summary>True when an Action entry names the action exactly (no wildcard), case-insensitively.</summary>
    public static bool NamesAction(this PolicyStatement statement, string action) =>
        statement.Action?.Items.Any(i => i.Value.IsFullyKnown && i.Text.Equals(action, StringComparison.OrdinalIgnoreCase)) ?? false;

    /// <summary>The condition entries of the statement for a key (case-insensitive).</summary>
    public static IEnumerable<(ConditionBlock Block, ConditionEntry Entry)> ConditionsOn(this PolicyStatement statement, Func<ConditionKeyName, bool> key) =>
        statement.Condition is { } condition ? condition.Entries.Where(x => key(x.Entry.Key)) : [];

    public static bool HasCondition(this PolicyStatement statement) =>
        statement.Condition is { } c && c.Blocks.Any(b => b.Entries.Any());

    /// <summary>True when a Resource entry is <c>*</c> or its resource part is a wildcard that can name many resources.</summary>
    public static bool HasStarResource(this PolicyStatement statement) =>
        statement.Resource?.Items.Any(r => r.Value.IsFullyKnown && (r.IsAll || r.Text.Contains('*', StringComparison.Ordinal))) ?? false;
}
