using PolicyGate.AccessAnalyzer;
using PolicyGate.Iam.Catalog;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Symbolic;

namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// CheckNoNewAccess: is there a request the new policy allows and the existing one does not? The new policy is
/// read broadest and the existing one narrowest, so uncertainty can only add FAILs. For resource policies the
/// principal is part of the request (an account in the existing policy covers every principal of it).
/// </summary>
public static class NoNewAccessCheck
{
    public static PolicyCheckResult Run(ReadPolicy newPolicy, ReadPolicy existingPolicy, bool comparePrincipals, Func<IamCatalog?> catalog, ReasoningLimits limits, FreshValues fresh)
    {
        var session = new ReasoningSession(ContextKeyArity.For([newPolicy, existingPolicy], catalog()), catalog, fresh.Account, limits);
        var f = session.Formulas;
        var queries = newPolicy.Allows.Select(statement =>
        {
            // Statements whose actions share none with this one cannot apply to its requests, so they are left
            // out of its query (exactly, see ElementOverlap): most of a large reference drops out this way. The
            // concrete re-check still evaluates the whole policies.
            bool Related(ReadStatement other) => ElementOverlap.Possible(statement.Action, other.Action);
            var newDenies = Formula.Or(newPolicy.Denies.Where(Related).Select(f.Statement));
            var existingAllows = f.Allowed(existingPolicy with { Statements = [.. existingPolicy.Statements.Where(Related)] });
            return new StatementQuery(
                statement,
                Formula.And(f.Statement(statement), Formula.Not(newDenies), Formula.Not(existingAllows)),
                request => PolicyEvaluator.Matches(statement, request)
                           && PolicyEvaluator.Evaluate(newPolicy, request).Allowed
                           && !PolicyEvaluator.Evaluate(existingPolicy, request).Allowed);
        });
        return StatementCheckRunner.Run(session, queries, comparePrincipals, CheckTexts.NoNewAccess);
    }
}
