using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge;

/// <summary>
/// One field of a compiled pattern: its dotted path and the value list that applies there. The field is
/// satisfied by a value that any matcher accepts, or, with {"exists": false} in the list, by having no
/// value at all.
/// </summary>
public sealed class Condition
{
    public Condition(string path, PropertyNode key, ArrayNode valueList, ImmutableArray<ValueMatcher> matchers, Node? absence)
    {
        Path = path;
        Key = key;
        ValueList = valueList;
        Matchers = matchers;
        Absence = absence;
        HasNumeric = matchers.Any(m => m.IsNumeric);
        HasAddress = matchers.Any(m => m.IsAddress);
    }

    /// <summary>Keys from the root joined with '.'.</summary>
    public string Path { get; }

    /// <summary>The pattern property whose value list this is (its key span is where findings about the field point).</summary>
    public PropertyNode Key { get; }

    public ArrayNode ValueList { get; }

    public ImmutableArray<ValueMatcher> Matchers { get; }

    /// <summary>The {"exists": false} element, when the list has one.</summary>
    public Node? Absence { get; }

    public bool AllowsAbsence => Absence is not null;

    public bool HasNumeric { get; }

    public bool HasAddress { get; }

    public LeafView ViewOf(EventLeaf leaf)
    {
        if (HasNumeric)
        {
            return leaf.Kind == LeafKind.Number && leaf.HasNumber ? LeafView.Numeric : LeafView.Raw;
        }

        return HasAddress && leaf.HasAddress ? LeafView.Address : LeafView.Raw;
    }

    /// <summary>Whether one value satisfies one of the matchers.</summary>
    public bool Accepts(EventLeaf leaf)
    {
        var view = ViewOf(leaf);
        foreach (var matcher in Matchers)
        {
            if (matcher.Matches(leaf, view))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"{Path}: {JsonText.Short(ValueList)}";
}

/// <summary>
/// One combination of $or branches: every condition must hold. Conditions are sorted by path (ordinal),
/// the order in which EventBridge visits them; that order decides what "absent" means for exists:false
/// inside arrays of objects.
/// </summary>
public sealed class SubRule(ImmutableArray<Condition> conditions)
{
    public ImmutableArray<Condition> Conditions { get; } = conditions;

    /// <summary>
    /// The same conditions ordered to reject events early (envelope fields such as source and detail-type
    /// first), for checks where order does not matter.
    /// </summary>
    public ImmutableArray<Condition> RejectionOrder { get; } = conditions
        .OrderBy(c => c.Path is "source" ? 0 : c.Path is "detail-type" ? 1 : c.Path.Contains('.', StringComparison.Ordinal) ? 3 : 2)
        .ToImmutableArray();
}
