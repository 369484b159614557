using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Checks that the atoms assigned so far can hold together, dimension by dimension, and produces the values
/// that make them hold. A context key is checked as a whole: its presence and each of its value families
/// (which are checked independently; a key read in two families is flagged so the model is confirmed
/// concretely).
/// </summary>
public sealed class TheoryChecker
{
    private readonly AtomTable _atoms;
    private readonly StringTheory _strings;
    private readonly Dictionary<int, OrderedTheory> _ordered = [];
    private readonly Dictionary<string, bool> _consistent = new(StringComparer.Ordinal);

    public TheoryChecker(AtomTable atoms, SearchBudget budget)
    {
        _atoms = atoms;
        _strings = new StringTheory(budget);
    }

    /// <summary>Whether the dimension (or, for a context key, every facet of the key) can take the assigned values.</summary>
    public bool Consistent(Atom changed, Assignment assignment, QueryAtoms query) => changed switch
    {
        MembershipAtom m when m.Dimension.AlwaysPresent => Consistent(query.Demands(m.Dimension, assignment), present: true),
        MembershipAtom m => KeyConsistent(m.Dimension.KeyId, assignment, query),
        PresenceAtom p => KeyConsistent(p.KeyId, assignment, query),
        _ => true,
    };

    /// <summary>Whether a dimension that is always present (principal, action, resource) can meet these demands.</summary>
    public bool Consistent(DimensionDemands demands) => Consistent(demands, present: true);

    public bool KeyConsistent(string keyId, Assignment assignment, QueryAtoms query)
    {
        var demands = query.FacetsOf(keyId).Select(f => query.Demands(f, assignment)).ToList();
        var presence = query.PresenceOf(keyId) is { } atom ? assignment.ValueOf(atom.Id) : null;
        return (presence != true && demands.All(d => d.AllowsAbsence))
               || (presence != false && demands.All(d => Consistent(d, present: true)));
    }

    /// <summary>Values for a dimension that is present, preferring <paramref name="candidates"/>; null when none exist.</summary>
    public List<string>? Values(DimensionDemands demands, IEnumerable<string> candidates)
    {
        var cands = candidates.ToList();
        if (!demands.Dimension.MultiValued)
        {
            return FindValue(demands.Dimension, demands.AnyTrue, demands.AnyFalse, cands) is { } value ? [value] : null;
        }

        var values = new List<string>();
        foreach (var p in demands.AnyTrue)
        {
            if (FindValue(demands.Dimension, [.. demands.AllTrue, p], demands.AnyFalse, cands) is not { } v)
            {
                return null;
            }

            values.Add(v);
        }

        foreach (var p in demands.AllFalse)
        {
            if (FindValue(demands.Dimension, demands.AllTrue, [.. demands.AnyFalse, p], cands) is not { } v)
            {
                return null;
            }

            values.Add(v);
        }

        if (values.Count == 0)
        {
            if (FindValue(demands.Dimension, demands.AllTrue, demands.AnyFalse, cands) is not { } v)
            {
                return null;
            }

            values.Add(v);
        }

        return [.. values.Distinct(StringComparer.Ordinal)];
    }

    private bool Consistent(DimensionDemands demands, bool present)
    {
        if (!present)
        {
            return demands.AllowsAbsence;
        }

        var key = demands.Key;
        if (!_consistent.TryGetValue(key, out var answer))
        {
            answer = Satisfiable(demands);
            _consistent[key] = answer;
        }

        return answer;
    }

    /// <summary>Like <see cref="Values"/> but only whether values exist (string dimensions decide quicker that way).</summary>
    private bool Satisfiable(DimensionDemands demands)
    {
        if (!demands.Dimension.IsString)
        {
            return Values(demands, []) is not null;
        }

        if (!demands.Dimension.MultiValued)
        {
            return _strings.Satisfiable(demands.AnyTrue, demands.AnyFalse);
        }

        return _strings.Satisfiable(demands.AllTrue, demands.AnyFalse)
               && demands.AnyTrue.All(p => _strings.Satisfiable([.. demands.AllTrue, p], demands.AnyFalse))
               && demands.AllFalse.All(p => _strings.Satisfiable(demands.AllTrue, [.. demands.AnyFalse, p]));
    }

    private string? FindValue(Dimension dimension, IReadOnlyList<Predicate> positives, IReadOnlyList<Predicate> negatives, IReadOnlyList<string> candidates)
    {
        if (dimension.Family == ValueFamily.String)
        {
            return _strings.FindValue(positives, negatives, candidates);
        }

        if (!_ordered.TryGetValue(dimension.Id, out var theory))
        {
            theory = new OrderedTheory(dimension, () => _atoms.Predicates.Where(p => p.Dimension.Id == dimension.Id));
            _ordered[dimension.Id] = theory;
        }

        return theory.FindValue(positives, negatives);
    }
}
