using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Reporting;

namespace PolicyGate.Tests.Cli;

/// <summary>The single-check writers on answers the commands cannot easily be driven to: "could not prove", several reasons, reasons without a statement.</summary>
public class PolicyCheckOutputTests
{
    private static readonly Counterexample Request = new(
        "AWS:arn:aws:iam::111122223333:root",
        "s3:DeleteObject",
        "arn:aws:s3:::prod-data/x",
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.AddRange([
            new("aws:MultiFactorAuthPresent", []),
            new("aws:SourceIp", ["203.0.113.9"]),
            new("aws:TagKeys", ["a", "b"]),
        ]));

    private static PolicyCheckReport Undecided() => new(
        new PolicyCheckResult(CheckVerdict.Fail, "The modified permissions grant new access compared to your existing policy.",
            [new CheckReason("New access in the statement with index: 0.", 0, null) { Explanation = "could not prove that statement 0 grants nothing of the kind: the search budget ran out" }],
            "local") { Undecided = true },
        [new SourceLocation("p.json", new SourceSpan(3, 5, 9, 6))],
        "engine local (offline)");

    private static string Json(PolicyCheckReport report)
    {
        using var stream = new MemoryStream();
        PolicyCheckJson.Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Could_not_prove_is_a_fail_that_says_so_in_text_and_json()
    {
        var text = PolicyCheckText.Render(Undecided(), "p.json");
        var json = JsonDocument.Parse(Json(Undecided())).RootElement;

        text.ShouldStartWith("FAIL (could not prove): The modified permissions grant new access");
        text.ShouldContain("p.json:3:5: New access in the statement with index: 0.\n    could not prove that statement 0");
        json.GetProperty("result").GetString().ShouldBe("FAIL");
        json.GetProperty("undecided").GetBoolean().ShouldBeTrue();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["result", "message", "undecided", "reasons", "engine", "engineReason"]);
    }

    [Fact]
    public void A_decided_answer_has_no_undecided_member()
    {
        var report = Undecided() with { Result = Undecided().Result with { Undecided = false } };

        JsonDocument.Parse(Json(report)).RootElement.TryGetProperty("undecided", out _).ShouldBeFalse();
        PolicyCheckText.Render(report, "p.json").ShouldStartWith("FAIL: ");
    }

    [Fact]
    public void Counterexamples_show_principal_action_resource_and_every_context_key()
    {
        PolicyCheckText.Describe(Request).ShouldBe(
            "principal AWS:arn:aws:iam::111122223333:root, action s3:DeleteObject, resource arn:aws:s3:::prod-data/x, context aws:MultiFactorAuthPresent absent, aws:SourceIp=203.0.113.9, aws:TagKeys=[a, b]");
        PolicyCheckText.Describe(Request with { Principal = null, Context = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty })
            .ShouldBe("action s3:DeleteObject, resource arn:aws:s3:::prod-data/x, no context keys");
    }

    [Fact]
    public void A_reason_without_a_statement_points_at_the_file_and_aws_counts_follow_the_engine_line()
    {
        var report = new PolicyCheckReport(
            new PolicyCheckResult(CheckVerdict.Fail, "m", [new CheckReason("somewhere", null, null), new CheckReason("second", 1, "S") { Counterexample = Request }], "aws"),
            [null, new SourceLocation("p.json", new SourceSpan(4, 3, 4, 20))],
            "engine aws: credentials from AWS profile \"ci\"")
        {
            AwsStatistics = new AwsCallStatistics(2, 1, 3, 0),
            ExistingPolicySource = "the trust policy of arn:aws:iam::123456789012:role/r",
        };

        var lines = PolicyCheckText.Render(report, "p.json").Split('\n');
        var json = JsonDocument.Parse(Json(report)).RootElement;

        lines.ShouldBe([
            "FAIL: m",
            "p.json: somewhere",
            "p.json:4:3: second",
            $"    counterexample: {PolicyCheckText.Describe(Request)}",
            "existing policy: the trust policy of arn:aws:iam::123456789012:role/r",
            "engine aws: credentials from AWS profile \"ci\"",
            "AWS calls: 2 (1 billed custom policy checks), cache hits: 3, retries: 0",
            string.Empty,
        ]);
        var first = json.GetProperty("reasons")[0];
        first.EnumerateObject().Select(p => p.Name).ShouldBe(["description"]);
        json.GetProperty("reasons")[1].GetProperty("counterexample").GetProperty("context").GetProperty("aws:TagKeys").GetArrayLength().ShouldBe(2);
        json.GetProperty("existingPolicySource").GetString().ShouldBe("the trust policy of arn:aws:iam::123456789012:role/r");
    }
}
