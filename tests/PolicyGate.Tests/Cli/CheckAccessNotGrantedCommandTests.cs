using System.Text.Json;
using PolicyGate.Tests.AccessAnalyzer;

namespace PolicyGate.Tests.Cli;

/// <summary><c>policygate check-access-not-granted</c> with the local engine.</summary>
public sealed class CheckAccessNotGrantedCommandTests : IDisposable
{
    internal const string Policy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "Logs", "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*" },
            { "Sid": "PassApp", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-*" }
          ]
        }
        """;

    private readonly TestDirectory _dir = new();

    public CheckAccessNotGrantedCommandTests() => _dir.Write("policy.json", Policy);

    public void Dispose() => _dir.Dispose();

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir.Root, ["check-access-not-granted", "--policy", "policy.json", .. args]);

    [Fact]
    public void A_listed_action_the_policy_grants_fails_at_its_statement()
    {
        var (exit, output, _) = Run("--actions", "iam:PassRole,iam:CreateUser", "--policy-type", "identity");

        exit.ShouldBe(1);
        output.ShouldStartWith("FAIL: ");
        output.ShouldContain("policy.json:5:5: ");
        output.ShouldContain("counterexample: action iam:PassRole, resource arn:aws:iam::111122223333:role/app-");
    }

    [Fact]
    public void Wildcard_actions_match_what_the_policy_grants()
    {
        Run("--actions", "iam:Pass*", "--policy-type", "identity").ExitCode.ShouldBe(1);
        Run("--actions", "s3:*", "--policy-type", "identity").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Resources_narrow_the_question_and_repeated_options_add_up()
    {
        var elsewhere = Run("--actions", "iam:PassRole", "--resources", "arn:aws:iam::111122223333:role/admin", "--policy-type", "identity");
        var there = Run("--actions", "iam:PassRole", "--resources", "arn:aws:iam::111122223333:role/admin", "--resources", "arn:aws:iam::111122223333:role/app-web", "--policy-type", "identity");

        elsewhere.ExitCode.ShouldBe(0, elsewhere.Stderr);
        elsewhere.Stdout.ShouldStartWith("PASS: ");
        there.ExitCode.ShouldBe(1);
        there.Stdout.ShouldContain("resource arn:aws:iam::111122223333:role/app-web");
    }

    [Fact]
    public void Resources_alone_ask_whether_any_action_reaches_them()
    {
        Run("--resources", "arn:aws:iam::111122223333:role/app-web", "--policy-type", "identity").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Json_output_is_parseable_ordered_and_stable()
    {
        string[] args = ["--actions", "iam:PassRole", "--policy-type", "identity", "--format", "json"];
        var first = Run(args);
        var second = Run(args);

        first.ExitCode.ShouldBe(1);
        second.StdoutBytes.ShouldBe(first.StdoutBytes);
        var root = JsonDocument.Parse(first.Stdout).RootElement;
        root.GetProperty("result").GetString().ShouldBe("FAIL");
        root.GetProperty("message").GetString().ShouldBe("The policy document grants access to perform one or more of the listed actions.");
        var reason = root.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem();
        reason.GetProperty("statementIndex").GetInt32().ShouldBe(1);
        reason.GetProperty("statementId").GetString().ShouldBe("PassApp");
        root.GetProperty("counterexample").GetProperty("action").GetString().ShouldBe("iam:PassRole");
    }

    [Fact]
    public void Yaml_policies_work()
    {
        _dir.Write("policy.yaml", "Version: '2012-10-17'\nStatement:\n  Effect: Allow\n  Action: 'iam:*'\n  Resource: '*'\n");

        var (exit, output, _) = CliRunner.Run(_dir.Root, "check-access-not-granted", "--policy", "policy.yaml", "--actions", "iam:CreateAccessKey", "--policy-type", "identity");

        exit.ShouldBe(1);
        output.ShouldContain("policy.yaml:3:3: ");
    }

    [Theory]
    [InlineData(new[] { "--policy-type", "identity" }, "needs at least one action (--actions) or one resource (--resources)")]
    [InlineData(new[] { "--actions", " , ", "--policy-type", "identity" }, "needs at least one action")]
    [InlineData(new[] { "--actions", "iam:PassRole", "--policy-type", "rcp" }, "--policy-type rcp")]
    public void Usage_errors_exit_2(string[] args, string expected)
    {
        var (exit, output, error) = Run(args);

        exit.ShouldBe(2);
        error.ShouldContain(expected);
        output.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_or_malformed_policy_file_exits_2()
    {
        _dir.Write("bad.json", "{\"Version\": \"2012-10-17\", \"Statement\": [}");

        var missing = CliRunner.Run(_dir.Root, "check-access-not-granted", "--policy", "nope.json", "--actions", "s3:GetObject", "--policy-type", "identity");
        var malformed = CliRunner.Run(_dir.Root, "check-access-not-granted", "--policy", "bad.json", "--actions", "s3:GetObject", "--policy-type", "identity");

        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("--policy nope.json: no such file");
        malformed.ExitCode.ShouldBe(2);
        malformed.Stderr.ShouldContain("bad.json:1:");
        malformed.Stderr.ShouldContain("the policy cannot be read");
    }

    [Fact]
    public void Help_shows_every_option()
    {
        var (exit, output, _) = CliRunner.Run(_dir.Root, "check-access-not-granted", "--help");

        exit.ShouldBe(0);
        foreach (var option in new[] { "--policy", "--actions", "--resources", "--policy-type", "--format", "--config", "--engine", "--region", "--profile", "--endpoint-url", "--no-cache", "--max-aws-calls" })
        {
            output.ShouldContain(option);
        }
    }
}

/// <summary><c>check-access-not-granted</c> against the loopback Access Analyzer.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CheckAccessNotGrantedAwsTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public CheckAccessNotGrantedAwsTests() => _dir.Write("policy.json", CheckAccessNotGrantedCommandTests.Policy);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_lists_go_to_access_analyzer_and_its_verdict_decides_the_exit_code()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(call => call.Json.GetProperty("access")[0].GetProperty("actions").EnumerateArray().Any(a => a.GetString() == "iam:PassRole")
            ? FakeResponse.Check("FAIL", "The policy document grants access to perform one or more of the listed actions.", """[{"description":"One or more of the listed actions in the statement with sid: PassApp.","statementIndex":1,"statementId":"PassApp"}]""")
            : FakeResponse.Check("PASS", "The policy document does not grant access to perform the listed actions."));

        var fail = CliRunner.Run(_dir.Root, ["check-access-not-granted", "--policy", "policy.json", "--actions", "iam:PassRole", "--resources", "arn:aws:iam::111122223333:role/app-web", "--policy-type", "identity", .. CliAwsScope.Engine(server)]);
        var pass = CliRunner.Run(_dir.Root, ["check-access-not-granted", "--policy", "policy.json", "--actions", "s3:GetObject", "--policy-type", "resource", .. CliAwsScope.Engine(server)]);

        server.Problems.ShouldBeEmpty();
        fail.ExitCode.ShouldBe(1, fail.Stderr);
        fail.Stdout.ShouldContain("policy.json:5:5: One or more of the listed actions in the statement with sid: PassApp.");
        pass.ExitCode.ShouldBe(0, pass.Stderr);
        server.Calls[0].Json.GetProperty("access")[0].GetProperty("resources")[0].GetString().ShouldBe("arn:aws:iam::111122223333:role/app-web");
        server.Calls[1].Json.GetProperty("policyType").GetString().ShouldBe("RESOURCE_POLICY");
        CliAwsScope.ShouldHoldNoSecret(fail.Stdout, fail.Stderr, pass.Stdout, pass.Stderr);
    }

    [Fact]
    public void A_used_up_budget_exits_3_without_a_call()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));

        var (exit, output, error) = CliRunner.Run(_dir.Root, ["check-access-not-granted", "--policy", "policy.json", "--actions", "iam:PassRole", "--policy-type", "identity", .. CliAwsScope.Engine(server), "--max-aws-calls", "0"]);

        exit.ShouldBe(3);
        output.ShouldNotContain("PASS");
        error.ShouldContain("the AWS call budget of 0 calls (max-aws-calls) is used up");
        server.Calls.ShouldBeEmpty();
    }
}
