namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Bounds the work of one check: search decisions and automaton states. When either runs out the check stops
/// with "could not prove" (never a PASS).
/// </summary>
public sealed class SearchBudget(int maxDecisions = 200_000, int maxStates = 2_000_000)
{
    public int Decisions { get; private set; }

    /// <summary>Why the budget ran out last, or null.</summary>
    public string? Exhausted { get; private set; }

    /// <summary>Starts a new search with the full budget (automata already built stay built).</summary>
    public void Restart()
    {
        Decisions = 0;
        States = 0;
        Exhausted = null;
    }

    public int States { get; private set; }

    public void SpendDecision()
    {
        if (++Decisions > maxDecisions)
        {
            Exhausted = $"the search took more than {maxDecisions} decisions";
            throw new BudgetExhaustedException(Exhausted);
        }
    }

    public void SpendStates(int count = 1)
    {
        States += count;
        if (States > maxStates)
        {
            Exhausted = $"the string automata grew past {maxStates} states";
            throw new BudgetExhaustedException(Exhausted);
        }
    }
}

/// <summary>The search budget ran out: the check answers "could not prove".</summary>
public sealed class BudgetExhaustedException(string message) : Exception(message);
