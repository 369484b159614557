using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Symbolic;

namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// Asks each Allow statement of the tested policy its question and turns the answers into an Access
/// Analyzer-shaped result: FAIL when any statement has a counterexample or could not be decided, with one reason
/// per such statement (every contributing statement, each with its own counterexample); PASS only when every
/// statement was proven to grant nothing of the kind.
/// </summary>
public static class StatementCheckRunner
{
    public static PolicyCheckResult Run(ReasoningSession session, IEnumerable<StatementQuery> queries, bool comparePrincipals, CheckTexts texts)
    {
        var reasons = ImmutableArray.CreateBuilder<CheckReason>();
        Counterexample? first = null;
        var undecided = 0;
        foreach (var query in queries)
        {
            var statement = query.Statement;
            var outcome = session.Find(query.Goal, query.Holds, comparePrincipals, kind => Preferred(statement, kind));
            if (outcome.Result == SearchResult.Unsatisfiable)
            {
                continue;
            }

            var reason = new CheckReason(texts.ReasonDescription(statement.Index, statement.Sid), statement.Index, statement.Sid);
            if (outcome.Counterexample is { } request)
            {
                var counterexample = ToCounterexample(request);
                first ??= counterexample;
                reason = reason with
                {
                    Explanation = $"{texts.ExplanationLead}{AccessDescription.Describe(statement, request)}{texts.ExplanationTail} ({statement.Label})",
                    Counterexample = counterexample,
                };
            }
            else
            {
                undecided++;
                reason = reason with { Explanation = $"could not prove that {statement.Label} grants nothing of the kind: {outcome.Reason}" };
            }

            reasons.Add(reason);
        }

        if (reasons.Count == 0)
        {
            return new PolicyCheckResult(CheckVerdict.Pass, texts.PassMessage, [], LocalPolicyCheckEngine.EngineName);
        }

        return new PolicyCheckResult(CheckVerdict.Fail, texts.FailMessage, reasons.ToImmutable(), LocalPolicyCheckEngine.EngineName)
        {
            Counterexample = first,
            Undecided = first is null && undecided > 0,
        };
    }

    public static Counterexample ToCounterexample(AccessRequest request) =>
        new(request.Principal, request.Action, request.Resource, request.Context.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value.IsDefault ? [] : kv.Value, StringComparer.Ordinal));

    /// <summary>The statement's own strings with wildcards filled in: counterexamples then read like the statement.</summary>
    private static IEnumerable<string> Preferred(ReadStatement statement, DimensionKind kind)
    {
        var element = kind switch
        {
            DimensionKind.Resource => statement.Resource,
            DimensionKind.Principal => statement.Principal,
            _ => null,
        };
        return element is null || element.Negated ? [] : element.Patterns.Where(p => !p.HasVariables).SelectMany(WitnessCandidates.Fill);
    }
}
