namespace PolicyGate.Reasoning.Symbolic;

public enum SearchResult
{
    /// <summary>A model was found and accepted.</summary>
    Satisfiable,

    /// <summary>No model exists: proven.</summary>
    Unsatisfiable,

    /// <summary>Neither: the budget ran out, or every model found could not be confirmed concretely.</summary>
    Unknown,
}

/// <summary>
/// A small DPLL search with theory checks: pick an undecided atom from the formula (the first one on the way
/// to making the formula true), try the value that helps first, check the atom's dimension can still take the
/// assigned values, and backtrack on conflict. When the formula is true under the partial assignment, the
/// model is handed to <c>accept</c>; a model it rejects (it could not be confirmed on a concrete request) makes
/// the search go on, and makes an otherwise exhausted search end as <see cref="SearchResult.Unknown"/>.
/// </summary>
public sealed class SatisfiabilitySearch(AtomTable atoms, TheoryChecker theory, SearchBudget budget)
{
    private Assignment _assignment = new(0);
    private QueryAtoms _query = null!;
    private Func<Assignment, QueryAtoms, bool> _accept = null!;
    private bool _rejected;
    private IReadOnlyDictionary<int, OpaqueBounds> _bounds = new Dictionary<int, OpaqueBounds>();
    private readonly List<int> _assignedOpaque = [];

    public SearchResult Run(Formula formula, IReadOnlyDictionary<int, OpaqueBounds> bounds, Func<Assignment, QueryAtoms, bool> accept)
    {
        _assignment = new Assignment(atoms.Atoms.Count);
        _bounds = bounds;
        _assignedOpaque.Clear();
        _query = new QueryAtoms(atoms, Formula.And([formula, .. bounds.Values.SelectMany(b => new[] { b.IfTrue, b.IfFalse })]));
        _accept = accept;
        _rejected = false;
        try
        {
            var simplified = Propagate(formula);
            return Solve(simplified) ? SearchResult.Satisfiable : _rejected ? SearchResult.Unknown : SearchResult.Unsatisfiable;
        }
        catch (BudgetExhaustedException)
        {
            return SearchResult.Unknown;
        }
    }

    /// <summary>
    /// Before searching: assign the literals the formula demands outright (the tested statement's action,
    /// resource, principal...), then settle every atom of the same dimensions whose value those force (an
    /// existing statement about other actions can never match), and fold the formula. Most statements of the
    /// reference drop out here, which keeps the search small on large policies.
    /// </summary>
    private Formula Propagate(Formula formula)
    {
        for (var round = 0; round < 4; round++)
        {
            var units = formula switch
            {
                LiteralFormula l => [l],
                AndFormula a => a.Parts.OfType<LiteralFormula>().ToList(),
                _ => [],
            };
            var changed = false;
            foreach (var unit in units)
            {
                if (_assignment.ValueOf(unit.Atom) is { } known)
                {
                    if (known != unit.Positive)
                    {
                        return Formula.False;
                    }

                    continue;
                }

                _assignment.Set(unit.Atom, unit.Positive);
                if (atoms[unit.Atom] is OpaqueAtom)
                {
                    _assignedOpaque.Add(unit.Atom);
                }

                if (!theory.Consistent(atoms[unit.Atom], _assignment, _query))
                {
                    return Formula.False;
                }

                changed = true;
            }

            var constrained = new HashSet<string>(StringComparer.Ordinal);
            foreach (var unit in units)
            {
                constrained.Add(DimensionKey(atoms[unit.Atom]));
            }

            // Every settled value follows from the values assigned before this loop, so each atom is probed against
            // those alone and the settlements are made afterwards: probing against a growing list of settled atoms
            // gives the same answers but makes each probe slower, cubic in the size of the policies overall.
            var settled = new List<(int Id, bool Value)>();
            var before = new Dictionary<int, DimensionDemands>();
            var ids = formula.Atoms().Distinct().ToList();
            foreach (var id in ids)
            {
                var atom = atoms[id];
                if (_assignment.ValueOf(id) is not null || atom is OpaqueAtom || !constrained.Contains(DimensionKey(atom)))
                {
                    continue;
                }

                // The assigned atoms are consistent, so some value satisfies them and the atom is true or false
                // for it: when it cannot be true it is false, and the other way round.
                if (!Probe(atom, true, before))
                {
                    settled.Add((id, false));
                }
                else if (!Probe(atom, false, before))
                {
                    settled.Add((id, true));
                }
            }

            foreach (var (id, value) in settled)
            {
                _assignment.Set(id, value);
                changed = true;
            }

            formula = Fold(formula);
            if (!changed)
            {
                break;
            }
        }

        return formula;
    }

    /// <param name="before">What the values assigned before the probes demand of each principal, action or resource dimension.</param>
    private bool Probe(Atom atom, bool value, Dictionary<int, DimensionDemands> before)
    {
        budget.SpendDecision();
        if (atom is MembershipAtom { Dimension.AlwaysPresent: true } member)
        {
            // The probed atom added to what the others demand, without walking every atom of the dimension again.
            if (!before.TryGetValue(member.Dimension.Id, out var demands))
            {
                before[member.Dimension.Id] = demands = _query.Demands(member.Dimension, _assignment);
            }

            var probe = new DimensionDemands(member.Dimension, [.. demands.AnyTrue], [.. demands.AnyFalse], [.. demands.AllTrue], [.. demands.AllFalse]);
            var list = (member.Quantifier, value) switch
            {
                (Quantifier.Any, true) => probe.AnyTrue,
                (Quantifier.Any, false) => probe.AnyFalse,
                (_, true) => probe.AllTrue,
                _ => probe.AllFalse,
            };
            list.Add(member.Predicate);
            return theory.Consistent(probe);
        }

        _assignment.Set(atom.Id, value);
        var consistent = theory.Consistent(atom, _assignment, _query);
        _assignment.Unset(atom.Id);
        return consistent;
    }

    /// <summary>The formula with assigned atoms replaced by their values.</summary>
    private Formula Fold(Formula formula) => formula switch
    {
        LiteralFormula l when _assignment.ValueOf(l.Atom) is { } v => Formula.Constant(v == l.Positive),
        AndFormula a => Formula.And(a.Parts.Select(Fold)),
        OrFormula o => Formula.Or(o.Parts.Select(Fold)),
        _ => formula,
    };

    private static string DimensionKey(Atom atom) => atom switch
    {
        MembershipAtom { Dimension.Kind: DimensionKind.Context } m => "k" + m.Dimension.KeyId,
        MembershipAtom m => "d" + m.Dimension.Id,
        PresenceAtom p => "k" + p.KeyId,
        _ => "o" + atom.Id,
    };

    private bool Solve(Formula formula)
    {
        budget.SpendDecision();
        var value = Visit(formula, out var atom, out var desired);

        // The bounds of the opaque atoms assigned so far are part of the formula.
        for (var i = 0; i < _assignedOpaque.Count && value >= 0; i++)
        {
            var opaque = _assignedOpaque[i];
            var bound = _assignment.ValueOf(opaque) == true ? _bounds[opaque].IfTrue : _bounds[opaque].IfFalse;
            var boundValue = Visit(bound, out var boundAtom, out var boundDesired);
            if (boundValue < 0 || (boundValue == 0 && value > 0))
            {
                (atom, desired) = (boundAtom, boundDesired);
            }

            value = Math.Min(value, boundValue);
        }
        if (value < 0)
        {
            return false;
        }

        if (value > 0)
        {
            var ok = _accept(_assignment, _query);
            if (ok)
            {
                return true;
            }

            _rejected = true;
            return false;
        }

        var opaqueAtom = atoms[atom] is OpaqueAtom;
        if (opaqueAtom)
        {
            _assignedOpaque.Add(atom);
        }

        foreach (var choice in new[] { desired, !desired })
        {
            _assignment.Set(atom, choice);
            var consistent = theory.Consistent(atoms[atom], _assignment, _query);
            if (consistent && Solve(formula))
            {
                return true;
            }

            _assignment.Unset(atom);
        }

        if (opaqueAtom)
        {
            _assignedOpaque.RemoveAt(_assignedOpaque.Count - 1);
        }

        return false;
    }

    /// <summary>
    /// The formula's value under the assignment (+1, -1, 0) and, when undecided, an atom to branch on, taken
    /// only from undecided parts (an atom under a part that is already decided cannot change the outcome).
    /// </summary>
    private sbyte Visit(Formula formula, out int atom, out bool desired)
    {
        atom = -1;
        desired = false;
        switch (formula)
        {
            case ConstantFormula c:
                return c.Value ? (sbyte)1 : (sbyte)-1;
            case LiteralFormula l:
                var v = _assignment[l.Atom];
                if (v == 0)
                {
                    atom = l.Atom;
                    desired = l.Positive;
                    return 0;
                }

                return l.Positive ? v : (sbyte)-v;
            case AndFormula and:
                return Combine(and.Parts, decisive: -1, out atom, out desired);
            case OrFormula or:
                return Combine(or.Parts, decisive: 1, out atom, out desired);
            default:
                throw new InvalidOperationException($"unknown formula {formula.GetType().Name}");
        }
    }

    /// <summary>A conjunction (decisive -1) or disjunction (decisive +1): one decisive part decides it.</summary>
    private sbyte Combine(System.Collections.Immutable.ImmutableArray<Formula> parts, sbyte decisive, out int atom, out bool desired)
    {
        atom = -1;
        desired = false;
        var undecided = false;
        foreach (var part in parts)
        {
            var value = Visit(part, out var partAtom, out var partDesired);
            if (value == decisive)
            {
                atom = -1;
                return decisive;
            }

            if (value == 0 && !undecided)
            {
                undecided = true;
                atom = partAtom;
                desired = partDesired;
            }
        }

        return undecided ? (sbyte)0 : (sbyte)-decisive;
    }
}
