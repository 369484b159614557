using PolicyGate.Pipeline;
using PolicyGate.Tests.AccessAnalyzer;

namespace PolicyGate.Tests.Cli;

/// <summary><c>scan --engine local|aws|auto</c>: against the loopback Access Analyzer, without credentials, and its summary on standard error.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ScanEngineTests : IDisposable
{
    private const string PublicBucket = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""";

    private readonly TestDirectory _dir = new();

    public ScanEngineTests()
    {
        _dir.Write("bucket.json", PublicBucket);
        _dir.Write("app.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""");
        _dir.Write("policygate.yaml", "checks:\n  access-not-granted:\n    - actions: [iam:PassRole]\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Access_analyzer_answers_every_check_and_the_calls_are_counted()
    {
        using var server = new FakeAwsServer(call => call.Operation switch
        {
            "CheckNoPublicAccess" => FakeResponse.Check("FAIL", "The resource policy grants public access for the given resource type.", """[{"description": "Public access granted in the following statement with index: 0.", "statementIndex": 0}]"""),
            _ => FakeResponse.Check("FAIL", "The policy document grants access to perform one or more of the listed actions.", """[{"description": "One or more of the listed actions in the statement with index: 0.", "statementIndex": 0}]"""),
        });
        using var scope = new CliAwsScope(endpointUrl: server.Url);

        var (exit, output, error) = CliRunner.Run(_dir.Root, ["scan", .. CliAwsScope.Engine(server)]);

        exit.ShouldBe(ExitCodes.Findings, error);
        server.Problems.ShouldBeEmpty();
        server.CallCount("CheckNoPublicAccess").ShouldBe(1);
        server.CallCount("CheckAccessNotGranted").ShouldBe(2);
        output.ShouldContain("bucket.json:1:41: error PG3003 Public access granted in the following statement with index: 0 (statement 0; Access Analyzer gives no counterexample)");
        output.ShouldContain("app.json:1:41: error PG3002 One or more of the listed actions in the statement with index: 0");
        error.ShouldContain("policygate: engine aws: credentials from");
        error.ShouldContain("policygate: AWS calls: 3 (3 billed custom policy checks), cache hits: 0, retries: 0");
        CliAwsScope.ShouldHoldNoSecret(output, error);
    }

    [Fact]
    public void An_unreachable_access_analyzer_fails_closed_with_exit_code_3()
    {
        using var scope = new CliAwsScope(endpointUrl: FakeAwsServer.ClosedUrl());

        var (exit, output, error) = CliRunner.Run(_dir.Root, "scan", "--engine", "aws", "--no-cache", "--format", "json");

        exit.ShouldBe(ExitCodes.ToolFailure, error);
        output.ShouldContain("\"PG9100\"");
        output.ShouldNotContain("\"PG3003\"");
        CliAwsScope.ShouldHoldNoSecret(output, error);
    }

    [Fact]
    public void Engine_aws_without_credentials_stops_before_scanning_with_exit_code_3()
    {
        using var scope = new CliAwsScope(credentials: false);

        var (exit, output, error) = CliRunner.Run(_dir.Root, "scan", "--engine", "aws");

        exit.ShouldBe(ExitCodes.ToolFailure);
        output.ShouldBeEmpty();
        error.ShouldContain("policygate: the check could not be completed");
    }

    [Fact]
    public void Engine_auto_without_credentials_uses_the_local_engine_and_says_so()
    {
        using var scope = new CliAwsScope(credentials: false);

        var (exit, output, error) = CliRunner.Run(_dir.Root, "scan", "--engine", "auto");

        exit.ShouldBe(ExitCodes.Findings);
        error.ShouldContain("policygate: engine auto chose local:");
        output.ShouldContain("error PG3003 makes the resource public");
        output.ShouldContain("iam:PassRole");
    }

    [Fact]
    public void The_budget_stops_aws_calls_and_the_rest_fail_closed()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));
        using var scope = new CliAwsScope(endpointUrl: server.Url);

        var (exit, output, error) = CliRunner.Run(_dir.Root, ["scan", .. CliAwsScope.Engine(server), "--max-aws-calls", "1"]);

        exit.ShouldBe(ExitCodes.ToolFailure, error);
        server.Calls.Count.ShouldBe(1);
        output.ShouldContain("PG9100");
    }

    [Fact]
    public void An_unknown_engine_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run(_dir.Root, "scan", "--engine", "cloud");

        exit.ShouldBe(ExitCodes.UsageError);
        error.ShouldContain("--engine cloud: use local, aws or auto");
    }
}
