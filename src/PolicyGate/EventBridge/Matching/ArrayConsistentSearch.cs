using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// Decides whether an event satisfies a sub-rule the way EventBridge does: it picks one value per
/// condition, in path order, such that no two picked values come from different elements of the same
/// array; an exists:false condition holds when no value at its path fits with the values picked so far.
/// A plain depth-first search answers ordinary events at once; when it runs long (hostile events with
/// many arrays) it switches to a memoized search that only remembers the arrays later conditions can see.
/// </summary>
public static class ArrayConsistentSearch
{
    private const int PlainSearchBudget = 20_000;

    public static bool Matches(SubRule rule, EventDocument e)
    {
        // Each condition on its own first, without allocating: most events fail here (on source, say).
        foreach (var condition in rule.RejectionOrder)
        {
            if (!HoldsAlone(condition, e.LeavesAt(condition.Path)))
            {
                return false;
            }
        }

        if (e.ArrayCount == 0)
        {
            // No arrays of objects: every value is compatible with every other.
            return true;
        }

        var conditions = rule.Conditions;
        var candidates = new EventLeaf[conditions.Length][];
        for (var i = 0; i < conditions.Length; i++)
        {
            candidates[i] = Accepted(conditions[i], e.LeavesAt(conditions[i].Path));
        }

        var budget = PlainSearchBudget;
        var plain = Plain(conditions, candidates, e, 0, ArrayMembership.None, ref budget);
        if (plain is { } decided)
        {
            return decided;
        }

        return new Memoized(conditions, candidates, e).Search(0, ArrayMembership.None);
    }

    /// <summary>Whether the condition holds ignoring array consistency: some value is accepted, or the field is absent and may be.</summary>
    private static bool HoldsAlone(Condition condition, EventLeaf[] leaves)
    {
        if (leaves.Length == 0)
        {
            return condition.AllowsAbsence;
        }

        foreach (var leaf in leaves)
        {
            if (condition.Accepts(leaf))
            {
                return true;
            }
        }

        // With arrays of objects, exists:false may still hold within the element chosen for other fields.
        return condition.AllowsAbsence && leaves.Any(l => !l.Membership.IsEmpty);
    }

    private static EventLeaf[] Accepted(Condition condition, EventLeaf[] leaves)
    {
        List<EventLeaf>? accepted = null;
        for (var i = 0; i < leaves.Length; i++)
        {
            if (condition.Accepts(leaves[i]))
            {
                (accepted ??= new List<EventLeaf>(leaves.Length)).Add(leaves[i]);
            }
        }

        return accepted is null ? [] : accepted.Count == leaves.Length ? leaves : accepted.ToArray();
    }

    /// <summary>True when no value at the path fits with the membership: exists:false holds.</summary>
    private static bool Absent(EventLeaf[] all, ArrayMembership soFar)
    {
        foreach (var leaf in all)
        {
            if (ArrayMembership.Combine(soFar, leaf.Membership) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Null when the budget ran out before a decision.</summary>
    private static bool? Plain(System.Collections.Immutable.ImmutableArray<Condition> conditions, EventLeaf[][] candidates, EventDocument e, int i, ArrayMembership soFar, ref int budget)
    {
        if (i == conditions.Length)
        {
            return true;
        }

        if (--budget < 0)
        {
            return null;
        }

        var condition = conditions[i];
        if (condition.AllowsAbsence && Absent(e.LeavesAt(condition.Path), soFar))
        {
            var result = Plain(conditions, candidates, e, i + 1, soFar, ref budget);
            if (result != false)
            {
                return result;
            }
        }

        var triedWithoutMembership = false;
        foreach (var leaf in candidates[i])
        {
            if (leaf.Membership.IsEmpty)
            {
                // Values outside arrays of objects all lead to the same state: trying one is enough.
                if (triedWithoutMembership)
                {
                    continue;
                }

                triedWithoutMembership = true;
            }

            var next = ArrayMembership.Combine(soFar, leaf.Membership);
            if (next is null)
            {
                continue;
            }

            var result = Plain(conditions, candidates, e, i + 1, next, ref budget);
            if (result != false)
            {
                return result;
            }
        }

        return false;
    }

    private sealed class Memoized
    {
        private readonly System.Collections.Immutable.ImmutableArray<Condition> _conditions;
        private readonly EventLeaf[][] _candidates;
        private readonly EventDocument _event;
        private readonly HashSet<int>[] _visibleFrom;
        private readonly Dictionary<(int, string), bool> _memo = [];

        public Memoized(System.Collections.Immutable.ImmutableArray<Condition> conditions, EventLeaf[][] candidates, EventDocument e)
        {
            _conditions = conditions;
            _candidates = candidates;
            _event = e;

            // The arrays that conditions i.. can still be constrained by.
            _visibleFrom = new HashSet<int>[conditions.Length + 1];
            _visibleFrom[conditions.Length] = [];
            for (var i = conditions.Length - 1; i >= 0; i--)
            {
                var set = new HashSet<int>(_visibleFrom[i + 1]);
                foreach (var leaf in e.LeavesAt(conditions[i].Path))
                {
                    for (var k = 0; k < leaf.Membership.Count; k++)
                    {
                        set.Add(leaf.Membership.ArrayAt(k));
                    }
                }

                _visibleFrom[i] = set;
            }
        }

        public bool Search(int i, ArrayMembership soFar)
        {
            if (i == _conditions.Length)
            {
                return true;
            }

            soFar = soFar.Restrict(_visibleFrom[i]);
            var key = (i, soFar.Key);
            if (_memo.TryGetValue(key, out var known))
            {
                return known;
            }

            var result = Compute(i, soFar);
            _memo[key] = result;
            return result;
        }

        private bool Compute(int i, ArrayMembership soFar)
        {
            var condition = _conditions[i];
            if (condition.AllowsAbsence && Absent(_event.LeavesAt(condition.Path), soFar) && Search(i + 1, soFar))
            {
                return true;
            }

            foreach (var leaf in _candidates[i])
            {
                var next = ArrayMembership.Combine(soFar, leaf.Membership);
                if (next is not null && Search(i + 1, next))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
