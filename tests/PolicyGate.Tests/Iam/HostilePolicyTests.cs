using System.Diagnostics;
using System.Text;
using PolicyGate.Extraction;

namespace PolicyGate.Tests.Iam;

/// <summary>Hostile policies end in findings within bounded time, never in a crash. The time bounds only guard against hangs.</summary>
public class HostilePolicyTests
{
    [Fact]
    public void Ten_thousand_statements_are_validated()
    {
        var text = new StringBuilder("{\"Version\": \"2012-10-17\", \"Statement\": [");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append($$"""{"Sid": "S{{i % 100}}", "Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "arn:aws:s3:::b{{i}}/*"}""");
        }

        var watch = Stopwatch.StartNew();
        var issues = IamTestKit.Validate(text.Append("]}").ToString());
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        issues.Issues("PG2049").Count.ShouldBe(10_000, "s3:GetObject is covered by s3:Get* in every statement");
        issues.Issues("PG2012").Count.ShouldBe(9_900, "Sids repeat every 100 statements");
        issues.Issues("PG2115").ShouldHaveSingleItem("the policy is far above the managed-policy size quota");
    }

    [Fact]
    public void Huge_values_and_many_wildcards_do_not_hang()
    {
        var longAction = "s3:" + new string('x', 200_000);
        var stars = string.Concat(Enumerable.Repeat("*a", 5_000));
        var text = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"" + longAction + "\", \"s3:" + stars + "\", \"s3:*\"], "
            + "\"Resource\": [\"arn:aws:s3:::" + stars + "\", \"arn:aws:s3:::*a*a\"], \"Condition\": {\"StringLike\": {\"aws:PrincipalTag/x\": \"" + stars + "\"}}}]}";
        var watch = Stopwatch.StartNew();
        var issues = IamTestKit.Validate(text);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        issues.Issues("PG2044").ShouldHaveSingleItem().Message.Length.ShouldBeGreaterThan(1000);
        issues.Issues("PG2049").Count.ShouldBe(2, "both s3 entries are covered by s3:*");
    }

    [Theory]
    [InlineData("""{"Statement": [{"Effect": "Allow", "Action": "${${${", "Resource": "arn:${:${}:${x"}]}""")]
    [InlineData("""{"Statement": [{"Condition": {"": {"": []}, "ForAllValues:": {":": null}}}]}""")]
    [InlineData("""{"Statement": [{"Principal": {"AWS": [[], {}, null]}, "Effect": "Allow"}]}""")]
    [InlineData("""{"Statement": [{"Resource": ["arn", "arn:", "arn::::::::::", ":::::"], "Action": [":", "*:*", "a:"], "Effect": "Deny"}]}""")]
    [InlineData("""{"Version": "2012-10-17", "Statement": []}""")]
    [InlineData("""{}""")]
    public void Malformed_policies_give_findings_not_exceptions(string text)
    {
        foreach (var kind in Enum.GetValues<PolicyKind>())
        {
            var issues = IamTestKit.Validate(text, kind);
            issues.ShouldAllBe(i => i.Location.Span.StartLine >= 1 && i.Message.Length > 0);
        }
    }
}
