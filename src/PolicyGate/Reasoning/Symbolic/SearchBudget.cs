namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Bounds the work of one check: search decisions and automaton states per statement, and the time of the
/// whole check (a huge policy can be slow without running out of either count). When any runs out the
/// statement stops with "could not prove" (never a PASS). Only the time limit depends on the machine, so it is
/// generous: typical checks take a millisecond.
/// </summary>
public sealed class SearchBudget(int maxDecisions = 200_000, int maxStates = 2_000_000, TimeSpan? maxCheckTime = null)
{
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();
    private readonly TimeSpan _maxCheckTime = maxCheckTime ?? TimeSpan.FromSeconds(20);
    private int _sinceClock;

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

        CheckClock();
    }

    public void SpendStates(int count = 1)
    {
        States += count;
        if (States > maxStates)
        {
            Exhausted = $"the string automata grew past {maxStates} states";
            throw new BudgetExhaustedException(Exhausted);
        }

        CheckClock();
    }

    /// <summary>The clock is read every 64 steps: cheap, and still within milliseconds of the limit.</summary>
    private void CheckClock()
    {
        if (++_sinceClock < 64)
        {
            return;
        }

        _sinceClock = 0;
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_started) > _maxCheckTime)
        {
            Exhausted = $"the check took longer than {_maxCheckTime.TotalSeconds:0} s";
            throw new BudgetExhaustedException(Exhausted);
        }
    }
}

/// <summary>The search budget ran out: the check answers "could not prove".</summary>
public sealed class BudgetExhaustedException(string message) : Exception(message);
