using PolicyGate.Iam.Catalog;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Symbolic;

namespace PolicyGate.Reasoning.Checks;

/// <summary>What the search found for one statement: a confirmed counterexample, a proof that there is none, or neither.</summary>
public sealed record StatementOutcome(SearchResult Result, AccessRequest? Counterexample, string? Reason);

/// <summary>
/// The machinery of one check: atoms, formulas, theories and search, plus the rule that every counterexample
/// is confirmed by the concrete evaluator before it is believed. A model the theories pin down exactly that
/// the evaluator then rejects is a bug in the engine: it is raised as <see cref="SelfCheckFailedException"/>,
/// never dropped.
/// </summary>
public sealed class ReasoningSession
{
    private readonly TheoryChecker _theory;
    private readonly SatisfiabilitySearch _search;
    private readonly ModelRequestBuilder _requests;

    public ReasoningSession(Func<string, bool> isMultiValued, Func<IamCatalog?> catalog, string outsideAccount, ReasoningLimits limits)
    {
        Limits = limits;
        Budget = new SearchBudget(limits.MaxDecisions, limits.MaxStates, limits.MaxCheckTime);
        Atoms = new AtomTable(isMultiValued);
        Formulas = new FormulaBuilder(Atoms);
        _theory = new TheoryChecker(Atoms, Budget);
        _search = new SatisfiabilitySearch(Atoms, _theory, Budget);
        _requests = new ModelRequestBuilder(Atoms, _theory, new WitnessCandidates(catalog, outsideAccount));
    }

    public ReasoningLimits Limits { get; }

    public SearchBudget Budget { get; }

    public AtomTable Atoms { get; }

    public FormulaBuilder Formulas { get; }

    /// <summary>
    /// Looks for a request that satisfies <paramref name="goal"/>; <paramref name="holds"/> is the same question
    /// asked of the concrete evaluator, which every answer must pass.
    /// </summary>
    public StatementOutcome Find(Formula goal, Func<AccessRequest, bool> holds, bool comparePrincipals, Func<DimensionKind, IEnumerable<string>> preferred)
    {
        Budget.Restart();
        AccessRequest? found = null;
        var bounds = Formulas.BoundsOf(goal);
        var result = _search.Run(goal, bounds, (assignment, atoms) =>
        {
            var model = _requests.Build(assignment, atoms, comparePrincipals, preferred);
            if (model is null)
            {
                return false;
            }

            if (model.Exact)
            {
                if (!holds(model.Request))
                {
                    throw new SelfCheckFailedException($"the engine's counterexample {model.Request} does not hold when evaluated concretely");
                }

                found = model.Request;
                return true;
            }

            found = Concretizer.Confirm(model, assignment, atoms, holds);
            return found is not null;
        });
        var reason = result == SearchResult.Unknown
            ? Budget.Exhausted ?? "a model that reads policy variables could not be confirmed on a concrete request"
            : null;
        return new StatementOutcome(result, found, reason);
    }
}

/// <summary>Bounds of one statement's search (decisions, automaton states) and of one whole check (time).</summary>
public sealed record ReasoningLimits(int MaxDecisions = 100_000, int MaxStates = 1_000_000, TimeSpan? MaxCheckTime = null)
{
    public static ReasoningLimits Default { get; } = new();
}

/// <summary>A counterexample failed its concrete re-check: a bug in the engine, reported as a tool error.</summary>
public sealed class SelfCheckFailedException(string message) : Exception(message);
