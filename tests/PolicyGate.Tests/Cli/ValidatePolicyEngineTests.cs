using System.Text.Json;
using PolicyGate.Tests.AccessAnalyzer;

namespace PolicyGate.Tests.Cli;

/// <summary><c>validate-policy --engine aws|auto</c>: Access Analyzer's findings placed in the file; the offline path unchanged otherwise.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ValidatePolicyEngineTests : IDisposable
{
    private const string Policy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "s3:GetObjects",
              "Resource": "*"
            }
          ]
        }
        """;

    private const string PolicyYaml = """
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObjects
            Resource: '*'
        """;

    /// <summary>Access Analyzer's finding for the action at line 6, columns 16-31 (0-based) of <see cref="Policy"/>.</summary>
    private const string Findings = """
        {"findings":[{"findingDetails":"The action s3:GetObjects does not exist.","findingType":"ERROR","issueCode":"INVALID_ACTION","learnMoreLink":"https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-action",
          "locations":[{"path":[{"value":"Statement"},{"index":0},{"value":"Action"}],"span":{"start":{"line":6,"column":16,"offset":82},"end":{"line":6,"column":31,"offset":97}}}]},
         {"findingDetails":"Resource * is broad.","findingType":"SUGGESTION","issueCode":"SOME_NEW_CHECK","learnMoreLink":"https://docs.aws.amazon.com/x","locations":[]}]}
        """;

    private readonly TestDirectory _dir = new();

    public ValidatePolicyEngineTests()
    {
        _dir.Write("policy.json", Policy);
        _dir.Write("policy.yaml", PolicyYaml);
    }

    public void Dispose() => _dir.Dispose();

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir.Root, ["validate-policy", "--policy-type", "identity", .. args]);

    [Fact]
    public void Access_analyzers_findings_are_placed_at_their_line_and_column_in_the_file()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.Json(Findings));

        var (exit, output, error) = Run(["--policy", "policy.json", .. CliAwsScope.Engine(server)]);

        server.Problems.ShouldBeEmpty();
        exit.ShouldBe(1, error);
        var lines = output.Split('\n');
        lines[0].ShouldBe("policy.json:6:17: ERROR INVALID_ACTION: The action s3:GetObjects does not exist.");
        lines[1].ShouldBe("policy.json:1:1: SUGGESTION SOME_NEW_CHECK: Resource * is broad.");
        lines[2].ShouldBe("policy.json: 2 findings (1 ERROR, 1 SUGGESTION)");
        lines[3].ShouldStartWith("engine aws: credentials from the default AWS credential chain");
        lines[4].ShouldBe("AWS calls: 1 (0 billed custom policy checks), cache hits: 0, retries: 0");
        var call = server.Calls.ShouldHaveSingleItem();
        call.Json.GetProperty("policyDocument").GetString().ShouldBe(Policy);
        call.Json.GetProperty("policyType").GetString().ShouldBe("IDENTITY_POLICY");
        CliAwsScope.ShouldHoldNoSecret(output, error);
    }

    [Fact]
    public void A_yaml_policy_is_sent_as_json_and_findings_follow_their_path_back_to_the_yaml()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.Json(Findings));

        var (exit, output, error) = Run(["--policy", "policy.yaml", "--format", "json", .. CliAwsScope.Engine(server)]);

        exit.ShouldBe(1, error);
        server.Calls.ShouldHaveSingleItem().Json.GetProperty("policyDocument").GetString().ShouldBe("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjects","Resource":"*"}]}""");
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("engine").GetString().ShouldBe("aws");
        var finding = root.GetProperty("findings")[0];
        finding.GetProperty("issueCode").GetString().ShouldBe("INVALID_ACTION");
        finding.GetProperty("path").GetString().ShouldBe("policy.yaml");
        finding.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(4);
        finding.GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(13);
        finding.GetProperty("locations")[0].GetProperty("path")[2].GetProperty("value").GetString().ShouldBe("Action");
        error.ShouldContain("AWS calls: 1");
    }

    [Fact]
    public void Rules_turned_off_by_issue_code_drop_access_analyzers_findings_too()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.Json(Findings));

        var (exit, output, error) = Run(["--policy", "policy.json", "--ignore-finding", "INVALID_ACTION", .. CliAwsScope.Engine(server)]);

        exit.ShouldBe(0, error);
        output.ShouldNotContain("INVALID_ACTION");
        output.ShouldContain("SOME_NEW_CHECK");
    }

    [Fact]
    public void Auto_without_credentials_gives_exactly_the_offline_output_and_says_why_on_stderr()
    {
        using var scope = new CliAwsScope(credentials: false);
        using var server = new FakeAwsServer(_ => FakeResponse.Json(Findings));

        var offline = Run("--policy", "policy.json", "--format", "json");
        var auto = Run(["--policy", "policy.json", "--format", "json", .. CliAwsScope.Engine(server, "auto")]);

        auto.ExitCode.ShouldBe(offline.ExitCode);
        auto.StdoutBytes.ShouldBe(offline.StdoutBytes);
        auto.Stderr.ShouldContain("engine auto chose local: ");
        server.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Aws_without_credentials_exits_3()
    {
        using var scope = new CliAwsScope(credentials: false);
        using var server = new FakeAwsServer(_ => FakeResponse.Json(Findings));

        var (exit, output, error) = Run(["--policy", "policy.json", .. CliAwsScope.Engine(server)]);

        exit.ShouldBe(3);
        output.ShouldBeEmpty();
        error.ShouldContain("no AWS credentials resolved");
    }

    [Theory]
    [InlineData("""{"findings":"none"}""", "findings")]
    [InlineData("""{"findings":[{"findingDetails":"d","findingType":"ERROR","issueCode":"X","learnMoreLink":"l","locations":[{"path":{"value":"Statement"},"span":{"start":{"line":1,"column":0,"offset":0},"end":{"line":1,"column":1,"offset":1}}}]}]}""", "\"path\" is not a list")]
    [InlineData("""{"findings":[{"findingDetails":"d","findingType":"ERROR","issueCode":"X","learnMoreLink":"l","locations":[{"path":[{"index":-1}],"span":{"start":{"line":1,"column":0,"offset":0},"end":{"line":1,"column":1,"offset":1}}}]}]}""", "\"index\" is not a non-negative integer")]
    public void A_malformed_answer_exits_3_and_never_reports_no_findings(string answer, string expected)
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.Json(answer));

        var (exit, output, error) = Run(["--policy", "policy.json", .. CliAwsScope.Engine(server)]);

        exit.ShouldBe(3);
        output.ShouldNotContain("no findings");
        error.ShouldContain(expected);
    }
}
