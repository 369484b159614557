using PolicyGate.AccessAnalyzer;
using PolicyGate.Iam.Catalog;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Symbolic;

namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// CheckAccessNotGranted: does the policy allow any of the listed actions (wildcards allowed, compared without
/// regard to case), on any of the listed resources when resources are given?
/// </summary>
public static class AccessNotGrantedCheck
{
    public static PolicyCheckResult Run(ReadPolicy policy, IReadOnlyList<string> actions, IReadOnlyList<string> resources, bool comparePrincipals, Func<IamCatalog?> catalog, ReasoningLimits limits, FreshValues fresh)
    {
        var actionPatterns = actions.Select(a => TextPattern.Glob(a.Trim(), ignoreCase: true)).ToList();
        var resourcePatterns = resources.Select(r => TextPattern.Glob(r.Trim())).ToList();
        var session = new ReasoningSession(ContextKeyArity.For([policy], catalog()), catalog, fresh.Account, limits);
        var f = session.Formulas;
        var denies = Formula.Or(policy.Denies.Select(f.Statement));
        var listed = Formula.And(
            actionPatterns.Count > 0 ? f.In(session.Atoms.Action, actionPatterns) : Formula.True,
            resourcePatterns.Count > 0 ? f.In(session.Atoms.Resource, resourcePatterns) : Formula.True);
        bool Listed(AccessRequest r) =>
            (actionPatterns.Count == 0 || actionPatterns.Any(p => PatternMatcher.Matches(p, r.Action)))
            && (resourcePatterns.Count == 0 || resourcePatterns.Any(p => PatternMatcher.Matches(p, r.Resource)));
        var queries = policy.Allows.Select(statement => new StatementQuery(
            statement,
            Formula.And(f.Statement(statement), Formula.Not(denies), listed),
            request => PolicyEvaluator.Matches(statement, request) && PolicyEvaluator.Evaluate(policy, request).Allowed && Listed(request)));
        return StatementCheckRunner.Run(session, queries, comparePrincipals, CheckTexts.AccessNotGranted);
    }
}
