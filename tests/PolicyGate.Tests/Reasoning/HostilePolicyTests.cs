using System.Diagnostics;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Reasoning;

/// <summary>
/// Hostile inputs: huge statement lists, long wildcard patterns, many condition keys. Each check must end
/// (the time bound is generous, against hangs only) and must never answer PASS wrongly: a PASS is tested
/// against the requests that would disprove it, and a FAIL either carries a re-checked counterexample or is
/// "could not prove".
/// </summary>
public class HostilePolicyTests
{
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    private static PolicyCheckResult Bounded(Func<PolicyCheckResult> check)
    {
        var clock = Stopwatch.StartNew();
        var result = check();
        clock.Elapsed.ShouldBeLessThan(HangBound, "the check must end; it looks hung");
        return result;
    }

    private static void FailsSoundly(PolicyCheckResult result, string newPolicy, string existing)
    {
        result.Result.ShouldBe(CheckVerdict.Fail);
        if (result.Undecided)
        {
            result.Reasons.ShouldAllBe(r => r.Explanation != null && r.Explanation.StartsWith("could not prove", StringComparison.Ordinal));
            return;
        }

        var c = result.Counterexample.ShouldNotBeNull();
        var request = AccessRequest.Of(c.Principal, c.Action, c.Resource, c.Context);
        PolicyEvaluator.Evaluate(Read(newPolicy), request).Allowed.ShouldBeTrue();
        PolicyEvaluator.Evaluate(Read(existing, PolicyReading.Narrowest), request).Allowed.ShouldBeFalse();
    }

    private static string[] Statements(int count, string action, string resource) =>
        [.. Enumerable.Range(0, count).Select(i => $$"""{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource.Replace("N", $"{i}", StringComparison.Ordinal)}}"}""")];

    [Fact]
    public void Ten_thousand_statements()
    {
        var huge = Policy(Statements(10_000, "s3:GetObject", "arn:aws:s3:::bucket-N/*"));
        Bounded(() => AccessNotGranted(huge, ["s3:PutObject", "iam:*"])).ShouldPass();
        var found = Bounded(() => AccessNotGranted(huge, ["s3:Get*"], ["arn:aws:s3:::bucket-9999/*"]));
        found.ShouldFailWithCounterexample();
        found.Counterexample!.Resource.ShouldStartWith("arn:aws:s3:::bucket-9999/");
        Bounded(() => NoPublicAccess(Policy(Statements(10_000, "s3:GetObject", "arn:aws:s3:::bucket-N/*").Select(s => s.Replace("\"Effect\"", "\"Principal\":{\"AWS\":\"111122223333\"},\"Effect\"", StringComparison.Ordinal)).ToArray()))).ShouldPass();
    }

    /// <summary>
    /// CheckNoNewAccess grows faster than linearly with the size of the existing policy (a wildcard statement
    /// against two thousand existing ones takes about twenty seconds on a 2-core machine), so these sizes are smaller: they still catch a hang.
    /// </summary>
    [Fact]
    public void A_thousand_statements_against_a_wildcard()
    {
        var statements = Statements(1_000, "s3:GetObject", "arn:aws:s3:::bucket-N/*");
        var huge = Policy(statements);
        var wide = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-*"}""");
        Bounded(() => NoNewAccess(huge, wide)).ShouldPass();

        var extra = Policy([.. statements, """{"Sid":"Extra","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::bucket-7/*"}"""]);
        var fail = Bounded(() => NoNewAccess(extra, wide));
        FailsSoundly(fail, extra, wide);
        fail.Reasons.ShouldHaveSingleItem().StatementId.ShouldBe("Extra");

        FailsSoundly(Bounded(() => NoNewAccess(wide, huge)), wide, huge);
    }

    [Fact]
    public void Five_hundred_statements_compared_with_themselves()
    {
        var huge = Policy(Statements(500, "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:queue-N"));
        var result = Bounded(() => NoNewAccess(huge, huge));

        // A PASS is expected; "could not prove" is acceptable; a FAIL with a counterexample would be a bug.
        if (result.Result == CheckVerdict.Fail)
        {
            result.Undecided.ShouldBeTrue("a policy compared with itself has no counterexample");
        }
    }

    [Theory]
    [InlineData(200)]
    [InlineData(600)]
    public void Long_wildcard_patterns(int length)
    {
        var stars = string.Concat(Enumerable.Repeat("a*", length));
        var questions = string.Concat(Enumerable.Repeat("?*", length));
        var @new = Policy($$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{stars}}"}""");
        var existing = Policy($$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{questions}}"}""");

        // Every string of the new pattern has at least `length` characters after the prefix: the existing one covers it.
        var covered = Bounded(() => NoNewAccess(@new, existing));
        if (covered.Result == CheckVerdict.Fail)
        {
            covered.Undecided.ShouldBeTrue("no request disproves this PASS");
        }

        // The other way round there are requests without an "a": a FAIL, found or undecided.
        FailsSoundly(Bounded(() => NoNewAccess(existing, @new)), existing, @new);
    }

    [Fact]
    public void Many_star_patterns_against_each_other()
    {
        var many = Enumerable.Range(0, 300).Select(i => $"\"arn:aws:s3:::*{i}*{i + 1}*\"");
        var @new = Policy($$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":[{{string.Join(",", many)}}]}""");
        var existing = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::*1*"}""");
        FailsSoundly(Bounded(() => NoNewAccess(@new, existing)), @new, existing);
    }

    [Fact]
    public void Deeply_many_condition_keys()
    {
        var keys = Enumerable.Range(0, 400).Select(i => $"\"test:Key{i}\":[\"v{i}\",\"w{i}*\"]");
        var conditions = "{\"StringLike\":{" + string.Join(",", keys) + "}}";
        var @new = Policy($$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{{conditions}}}""");
        var fewer = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"test:Key0":["v0","w0*"]}}}""");

        // More keys narrow the statement: PASS (or could not prove).
        var result = Bounded(() => NoNewAccess(@new, fewer));
        if (result.Result == CheckVerdict.Fail)
        {
            result.Undecided.ShouldBeTrue("no request disproves this PASS");
        }

        FailsSoundly(Bounded(() => NoNewAccess(fewer, @new)), fewer, @new);
    }

    [Fact]
    public void Many_operators_on_one_key()
    {
        var blocks = string.Join(",", Enumerable.Range(0, 30).Select(i =>
            $"\"{(i % 2 == 0 ? "NumericGreaterThan" : "NumericLessThan")}{(i > 1 ? "IfExists" : string.Empty)}\":{{\"test:N\":\"{(i % 2 == 0 ? i : 1000 - i)}\"}}"));
        var @new = Policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{" + blocks + "}}");
        var existing = Policy("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"NumericLessThan":{"test:N":"500"}}}""");
        FailsSoundly(Bounded(() => NoNewAccess(@new, existing)), @new, existing);
    }

    [Fact]
    public void A_deeply_nested_document_is_an_argument_error_not_a_crash()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var error = Should.Throw<ArgumentException>(() => NoNewAccess(deep, Policy()));
        error.Message.ShouldContain("new policy");
    }

    [Fact]
    public void Huge_strings_and_odd_characters()
    {
        var longAction = "s3:" + new string('x', 100_000);
        var odd = Policy($$"""{"Effect":"Allow","Action":["{{longAction}}","s3:\u0000\uffff*"],"Resource":"arn:aws:s3:::\ud83d\ude00/*"}""");
        var existing = Policy("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""");
        Bounded(() => NoNewAccess(odd, existing)).ShouldPass();
        FailsSoundly(Bounded(() => NoNewAccess(existing, odd)), existing, odd);
    }
}
