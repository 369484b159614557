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

    public SearchResult Run(Formula formula, Func<Assignment, QueryAtoms, bool> accept)
    {
        _assignment = new Assignment(atoms.Atoms.Count);
        _query = new QueryAtoms(atoms, formula);
        _accept = accept;
        _rejected = false;
        try
        {
            return Solve(formula) ? SearchResult.Satisfiable : _rejected ? SearchResult.Unknown : SearchResult.Unsatisfiable;
        }
        catch (BudgetExhaustedException)
        {
            return SearchResult.Unknown;
        }
    }

    private bool Solve(Formula formula)
    {
        budget.SpendDecision();
        var value = Visit(formula, out var atom, out var desired);
        if (value < 0)
        {
            return false;
        }

        if (value > 0)
        {
            if (_accept(_assignment, _query))
            {
                return true;
            }

            _rejected = true;
            return false;
        }

        foreach (var choice in new[] { desired, !desired })
        {
            _assignment.Set(atom, choice);
            if (theory.Consistent(atoms[atom], _assignment, _query) && Solve(formula))
            {
                return true;
            }

            _assignment.Unset(atom);
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
