using PolicyGate.Tests.Cli;
using System.Text.Json;
using PolicyGate.Extraction;

namespace PolicyGate.Tests.Iam;

/// <summary>The acceptance cases of the IAM issue, on the example policies (seed material made standalone).</summary>
public class AcceptanceTests
{
    private static readonly string Root = IamTestKit.RepoRoot();

    private static string Example(string name) => Path.Combine(Root, "examples", "policies", "iam", name);

    [Fact]
    public void Sns_topic_policy_is_reported_for_sns_Receive_at_the_exact_string()
    {
        var text = File.ReadAllText(Example("sns-topic-policy.json"));
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"sns:Receive\"", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("\"sns:Receive\"", StringComparison.Ordinal) + 1;

        var issues = IamTestKit.Validate(text, PolicyKind.Resource, "AWS::SNS::Topic");
        var invalid = issues.Issues("PG2044").ShouldHaveSingleItem();
        invalid.Message.ShouldContain("sns:Receive");
        invalid.Rule.AccessAnalyzerIssueCode.ShouldBe("INVALID_ACTION");
        invalid.Location.Span.ShouldBe(new PolicyGate.Documents.SourceSpan(line, column, line, column + "\"sns:Receive\"".Length));
        invalid.StatementIndex.ShouldBe(1);
    }

    [Fact]
    public void Sns_topic_policy_through_the_cli_in_json()
    {
        var (exit, output, _) = CliRunner.Run(Root, "validate-policy", "--policy", "examples/policies/iam/sns-topic-policy.json", "--policy-type", "RESOURCE_POLICY", "--resource-type", "AWS::SNS::Topic", "--format", "json");
        exit.ShouldBe(1);
        using var json = JsonDocument.Parse(output);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("issueCode").GetString() == "INVALID_ACTION");
        finding.GetProperty("findingType").GetString().ShouldBe("ERROR");
        finding.GetProperty("ruleId").GetString().ShouldBe("PG2044");
        finding.GetProperty("path").GetString().ShouldBe("examples/policies/iam/sns-topic-policy.json");
        finding.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(30);
        var location = finding.GetProperty("locations")[0];
        location.GetProperty("path").EnumerateArray().Select(p => p.EnumerateObject().Single()).Select(p => $"{p.Name}={p.Value}").ShouldBe(
            ["value=Statement", "index=1", "value=Action", "index=8"]);
        var start = location.GetProperty("span").GetProperty("start");
        start.GetProperty("line").GetInt32().ShouldBe(30);
        start.GetProperty("column").GetInt32().ShouldBe(8, "Access Analyzer columns start at 0");
        var text = File.ReadAllText(Example("sns-topic-policy.json"));
        text.Substring(start.GetProperty("offset").GetInt32(), 13).ShouldBe("\"sns:Receive\"");
    }

    /// <summary>
    /// The bucket policy as the blog prints it: a placeholder bucket, a placeholder organization id and an ARN
    /// broken over two lines. Each defect is reported where it is.
    /// </summary>
    [Fact]
    public void Blog_bucket_policy_reports_each_defect_where_it_is()
    {
        var (exit, output, _) = CliRunner.Run(Root, "validate-policy", "--policy", "examples/policies/iam/s3-bucket-policy-from-blog.json", "--policy-type", "resource", "--resource-type", "AWS::S3::Bucket");
        exit.ShouldBe(1);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe([
            "examples/policies/iam/s3-bucket-policy-from-blog.json:17:13: ERROR PG1001 JSON_SYNTAX_ERROR: unterminated string: a line break must be written as \\n inside a JSON string",
            "examples/policies/iam/s3-bucket-policy-from-blog.json:16:13: ERROR PG2133: \"arn:aws:s3:::<organization-bucket-name>\" still contains the placeholder <organization-bucket-name>; replace it with the real value",
            "examples/policies/iam/s3-bucket-policy-from-blog.json:17:13: ERROR PG2140: the ARN \"arn:aws:s3:::my-organization-bucket/AWSLogs/o-exampleorgid/${aws:PrincipalAccount}/*\" contains a line break at position 85; ARNs have no whitespace",
            "examples/policies/iam/s3-bucket-policy-from-blog.json:22:22: ERROR PG2133: \"<organization-id>\" still contains the placeholder <organization-id>; replace it with the real value",
            "examples/policies/iam/s3-bucket-policy-from-blog.json: 4 findings (4 ERROR)",
        ]);
    }

    [Fact]
    public void Scanning_the_examples_fails_and_reports_both_policies()
    {
        var (exit, output, _) = CliRunner.Run(Path.Combine(Root, "examples", "policies"), "scan", ".", "--format", "json");
        exit.ShouldBe(1);
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        findings.ShouldContain(f => f.GetProperty("ruleId").GetString() == "PG2044" && f.GetProperty("path").GetString() == "examples/policies/iam/sns-topic-policy.json"
                                    && f.GetProperty("properties").GetProperty("issueCode").GetString() == "INVALID_ACTION");
        findings.Count(f => f.GetProperty("path").GetString() == "examples/policies/iam/s3-bucket-policy-from-blog.json" && f.GetProperty("level").GetString() == "error").ShouldBe(4);
    }
}
