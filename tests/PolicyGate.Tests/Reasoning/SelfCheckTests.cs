using PolicyGate.Reasoning.Checks;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Symbolic;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// Every counterexample is re-evaluated by the concrete evaluator before it is reported. A faulty re-check
/// (here injected as a concrete question that disagrees with the symbolic goal) must surface as
/// <see cref="SelfCheckFailedException"/>, never be dropped and never turn into a PASS.
/// </summary>
public class SelfCheckTests
{
    private static readonly ReadPolicy Granting = Read(Policy("""{"Sid":"Write","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"}"""));

    private static ReasoningSession Session() =>
        new(ContextKeyArity.For([Granting], null), () => null, "999988887777", ReasoningLimits.Default);

    [Fact]
    public void A_counterexample_that_fails_its_recheck_raises_SelfCheckFailedException()
    {
        var session = Session();
        var goal = session.Formulas.Statement(Granting.Statements[0]);
        var checkedRequests = new List<AccessRequest>();
        var error = Should.Throw<SelfCheckFailedException>(() => session.Find(goal, request =>
        {
            checkedRequests.Add(request);
            return false;
        }, comparePrincipals: false, _ => []));
        var request = checkedRequests.ShouldHaveSingleItem();
        request.Action.ShouldBe("s3:PutObject", StringCompareShould.IgnoreCase);
        error.Message.ShouldContain("does not hold when evaluated concretely");
        error.Message.ShouldContain(request.ToString());
    }

    [Fact]
    public void A_counterexample_that_passes_its_recheck_is_reported()
    {
        var session = Session();
        var statement = Granting.Statements[0];
        var outcome = session.Find(session.Formulas.Statement(statement), request => PolicyEvaluator.Matches(statement, request), comparePrincipals: false, _ => []);
        outcome.Result.ShouldBe(SearchResult.Satisfiable);
        var found = outcome.Counterexample.ShouldNotBeNull();
        PolicyEvaluator.Matches(statement, found).ShouldBeTrue();
        outcome.Reason.ShouldBeNull();
    }

    [Fact]
    public void A_faulty_recheck_inside_a_check_propagates_out_of_the_runner_instead_of_passing()
    {
        var session = Session();
        var query = new StatementQuery(Granting.Statements[0], session.Formulas.Statement(Granting.Statements[0]), _ => false);
        Should.Throw<SelfCheckFailedException>(() => StatementCheckRunner.Run(session, [query], comparePrincipals: false, CheckTexts.AccessNotGranted));
    }

    [Fact]
    public void An_unsatisfiable_goal_never_consults_the_recheck()
    {
        var session = Session();
        var statement = Granting.Statements[0];
        var goal = Formula.And(session.Formulas.Statement(statement), Formula.Not(session.Formulas.Statement(statement)));
        var outcome = session.Find(goal, _ => throw new InvalidOperationException("no model exists, so nothing is re-checked"), comparePrincipals: false, _ => []);
        outcome.Result.ShouldBe(SearchResult.Unsatisfiable);
        outcome.Counterexample.ShouldBeNull();
    }
}
