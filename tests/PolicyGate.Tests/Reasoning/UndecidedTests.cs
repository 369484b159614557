using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning;
using PolicyGate.Reasoning.Checks;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// When the search runs out of budget the answer is FAIL with "could not prove" (Undecided), never PASS, and
/// the reason says which statement and why.
/// </summary>
public class UndecidedTests
{
    private static readonly string Existing = Policy(
        """{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::b/*","arn:aws:s3:::c/*"],"Condition":{"StringLike":{"aws:SourceVpc":["vpc-1*","vpc-2*"]}}}""",
        """{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/secret/*"}""");

    private static readonly string NarrowerNew = Policy(
        """{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::c/*","Condition":{"StringLike":{"aws:SourceVpc":"vpc-1a*"}}}""");

    private static LocalPolicyCheckEngine Starved(int decisions, int states) => new(new ReasoningLimits(decisions, states));

    [Fact]
    public void The_full_budget_proves_the_narrower_policy()
    {
        NoNewAccess(NarrowerNew, Existing).ShouldPass();
    }

    [Theory]
    [InlineData(0, 1_000_000, "decisions")]
    [InlineData(1, 1_000_000, "decisions")]
    [InlineData(100_000, 1, "states")]
    [InlineData(0, 0, "")]
    public void A_starved_search_answers_could_not_prove_never_pass(int decisions, int states, string why)
    {
        var result = NoNewAccess(NarrowerNew, Existing, engine: Starved(decisions, states));
        result.Result.ShouldBe(CheckVerdict.Fail);
        result.Undecided.ShouldBeTrue();
        result.Counterexample.ShouldBeNull();
        var reason = result.Reasons.ShouldHaveSingleItem();
        reason.StatementIndex.ShouldBe(0);
        reason.StatementId.ShouldBe("Read");
        reason.Counterexample.ShouldBeNull();
        reason.Explanation.ShouldNotBeNull().ShouldStartWith("could not prove that statement 0 \"Read\" grants nothing of the kind: ");
        reason.Explanation.ShouldContain(why);
    }

    [Fact]
    public void A_starved_search_on_every_check_answers_could_not_prove()
    {
        var engine = Starved(0, 0);
        var policy = Policy("""{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}""");
        var notGranted = AccessNotGranted(policy, ["s3:*"], engine: engine);
        var notPublic = NoPublicAccess(policy, engine: engine);
        foreach (var result in new[] { notGranted, notPublic })
        {
            result.Result.ShouldBe(CheckVerdict.Fail);
            result.Undecided.ShouldBeTrue();
            result.Reasons.ShouldHaveSingleItem().Explanation.ShouldNotBeNull().ShouldStartWith("could not prove that statement 0 grants nothing of the kind");
        }
    }

    [Fact]
    public void A_found_counterexample_outweighs_an_undecided_statement()
    {
        // Statement 0 fails at once (its action is literal and the existing policy has nothing for it); statement 1
        // needs a search. Either way the verdict is FAIL; Undecided is set only when no counterexample was found.
        var @new = Policy(
            """{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}""",
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::c/*","Condition":{"StringLike":{"aws:SourceVpc":"vpc-1a*"}}}""");
        var result = NoNewAccess(@new, Existing, engine: Starved(40, 1_000_000));
        result.Result.ShouldBe(CheckVerdict.Fail);
        result.Reasons.ShouldNotBeEmpty();
        if (result.Counterexample is null)
        {
            result.Undecided.ShouldBeTrue();
        }
        else
        {
            result.Undecided.ShouldBeFalse();
            result.Counterexample.Action.ShouldBe("iam:PassRole");
        }
    }

    [Fact]
    public void Limits_are_per_statement_so_a_large_policy_is_not_starved_by_its_size()
    {
        var statements = Enumerable.Range(0, 50).Select(i => """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bN/*","Condition":{"StringLike":{"aws:SourceVpc":"vpc-N*"}}}""".Replace("N", $"{i}", StringComparison.Ordinal)).ToArray();
        var policy = Policy(statements);
        NoNewAccess(policy, policy, engine: Starved(2_000, 50_000)).ShouldPass();
    }

    [Fact]
    public void A_check_that_outlasts_its_time_limit_answers_could_not_prove_for_every_statement_left()
    {
        // 10,000 existing statements that all share the new statement's actions: the same-service filter keeps
        // them all, so only the check-wide time limit bounds the work.
        var existing = Policy([.. Enumerable.Range(0, 10_000).Select(i => "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket-" + i + "/*\",\"Condition\":{\"StringLike\":{\"aws:SourceVpc\":\"vpc-" + i + "*\"}}}")]);
        var wide = Policy(
            """{"Sid":"All","Effect":"Allow","Action":"s3:Get*","Resource":"*"}""",
            """{"Sid":"Some","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-1*"}""");
        var engine = new LocalPolicyCheckEngine(new ReasoningLimits(MaxCheckTime: TimeSpan.FromMilliseconds(200)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = NoNewAccess(wide, existing, engine: engine);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "a generous bound against hangs");
        result.Result.ShouldBe(CheckVerdict.Fail);
        result.Reasons.Count().ShouldBe(2);
        result.Reasons.ShouldAllBe(r => r.Counterexample != null || r.Explanation!.Contains("could not prove"));
    }
}
