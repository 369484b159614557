using System.Text.Json;
using PolicyGate.Tests.AccessAnalyzer;

namespace PolicyGate.Tests.Cli;

/// <summary><c>policygate check-no-new-access</c> with the local engine: verdicts, output, exit codes, bad input.</summary>
public sealed class CheckNoNewAccessCommandTests : IDisposable
{
    internal const string Existing = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-data/*" }
          ]
        }
        """;

    internal const string Broader = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-data/*" },
            {
              "Sid": "AllowWrite",
              "Effect": "Allow",
              "Action": "s3:DeleteObject",
              "Resource": "arn:aws:s3:::prod-data/*"
            }
          ]
        }
        """;

    private const string BroaderYaml = """
        Version: "2012-10-17"
        Statement:
          - Sid: Read
            Effect: Allow
            Action: s3:GetObject
            Resource: arn:aws:s3:::prod-data/*
          - Sid: AllowWrite
            Effect: Allow
            Action: s3:DeleteObject
            Resource: arn:aws:s3:::prod-data/*
        """;

    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir.Root, ["check-no-new-access", .. args]);

    [Fact]
    public void A_policy_that_grants_nothing_new_passes_with_exit_0()
    {
        _dir.Write("new.json", Existing);
        _dir.Write("old.json", Broader);

        var (exit, output, error) = Run("--new-policy", "new.json", "--existing-policy", "old.json", "--policy-type", "identity");

        exit.ShouldBe(0, error);
        output.ShouldStartWith("PASS: The modified permissions do not grant new access compared to your existing policy.\n");
        output.ShouldContain("engine local (offline)\n");
        error.ShouldBeEmpty();
    }

    [Fact]
    public void New_access_fails_with_exit_1_naming_the_statement_line_the_explanation_and_the_counterexample()
    {
        _dir.Write("new.json", Broader);
        _dir.Write("old.json", Existing);

        var (exit, output, _) = Run("--new-policy", "new.json", "--existing-policy", "old.json", "--policy-type", "IDENTITY_POLICY");

        exit.ShouldBe(1);
        var lines = output.Split('\n');
        lines[0].ShouldBe("FAIL: The modified permissions grant new access compared to your existing policy.");
        lines[1].ShouldBe("new.json:5:5: New access in the statement with sid: AllowWrite.");
        lines[2].ShouldContain("s3:DeleteObject");
        lines[2].ShouldContain("arn:aws:s3:::prod-data/*");
        lines[2].ShouldContain("\"AllowWrite\"");
        lines[3].ShouldStartWith("    counterexample: action s3:DeleteObject, resource arn:aws:s3:::prod-data/");
        output.ShouldContain("engine local (offline)");
    }

    [Fact]
    public void Json_mirrors_access_analyzer_with_the_additions_and_is_byte_identical_across_runs()
    {
        _dir.Write("new.json", Broader);
        _dir.Write("old.json", Existing);
        string[] args = ["--new-policy", "new.json", "--existing-policy", "old.json", "--policy-type", "identity", "--format", "json"];

        var first = Run(args);
        var second = Run(args);

        first.ExitCode.ShouldBe(1);
        second.StdoutBytes.ShouldBe(first.StdoutBytes);
        var root = JsonDocument.Parse(first.Stdout).RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["result", "message", "reasons", "counterexample", "engine", "engineReason"]);
        root.GetProperty("result").GetString().ShouldBe("FAIL");
        root.GetProperty("engine").GetString().ShouldBe("local");
        var reason = root.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem();
        reason.EnumerateObject().Select(p => p.Name).ShouldBe(["description", "statementIndex", "statementId", "explanation", "counterexample", "location"]);
        reason.GetProperty("statementIndex").GetInt32().ShouldBe(1);
        reason.GetProperty("statementId").GetString().ShouldBe("AllowWrite");
        reason.GetProperty("counterexample").GetProperty("action").GetString().ShouldBe("s3:DeleteObject");
        reason.GetProperty("location").GetProperty("path").GetString().ShouldBe("new.json");
        reason.GetProperty("location").GetProperty("startLine").GetInt32().ShouldBe(5);
        reason.GetProperty("location").GetProperty("endLine").GetInt32().ShouldBe(10);
        root.GetProperty("counterexample").GetProperty("resource").GetString()!.ShouldStartWith("arn:aws:s3:::prod-data/");
    }

    [Fact]
    public void Yaml_policies_are_read_and_the_statement_is_located_in_the_yaml()
    {
        _dir.Write("new.yaml", BroaderYaml);
        _dir.Write("old.json", Existing);

        var (exit, output, _) = Run("--new-policy", "new.yaml", "--existing-policy", "old.json", "--policy-type", "identity");

        exit.ShouldBe(1);
        output.ShouldContain("new.yaml:7:5: New access in the statement with sid: AllowWrite.");
    }

    [Fact]
    public void Resource_policies_compare_principals_too()
    {
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}""";
        const string Wider = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:root"]},"Action":"sts:AssumeRole"}]}""";
        _dir.Write("old.json", Trust);
        _dir.Write("new.json", Wider);

        var fail = Run("--new-policy", "new.json", "--existing-policy", "old.json", "--policy-type", "trust");
        var pass = Run("--new-policy", "old.json", "--existing-policy", "new.json", "--policy-type", "RESOURCE_POLICY");

        fail.ExitCode.ShouldBe(1);
        fail.Stdout.ShouldContain("to any principal in account 444455556666");
        fail.Stdout.ShouldContain("counterexample: principal AWS:arn:aws:iam::444455556666:root, action sts:AssumeRole");
        pass.ExitCode.ShouldBe(0, pass.Stderr);
    }

    [Theory]
    [InlineData("missing.json", "old.json", "identity", "--new-policy missing.json: no such file")]
    [InlineData("new.json", "missing.json", "identity", "--existing-policy missing.json: no such file")]
    [InlineData("new.json", "old.json", "scp", "--policy-type scp: use identity or resource")]
    [InlineData("new.json", "old.json", "bucket", "--policy-type bucket")]
    [InlineData("broken.json", "old.json", "identity", "broken.json:1:")]
    [InlineData("empty.json", "old.json", "identity", "the file is empty")]
    [InlineData("array.json", "old.json", "identity", "array.json:1:1: error: a policy is a JSON object, not an array")]
    [InlineData("two.yaml", "old.json", "identity", "holds 2 YAML documents")]
    public void Bad_input_exits_2_with_a_message_that_names_it(string newPolicy, string existing, string type, string expected)
    {
        _dir.Write("new.json", Broader);
        _dir.Write("old.json", Existing);
        _dir.Write("broken.json", """{"Version": "2012-10-17", "Statement": [ {"Effect": "Allow",, } ]}""");
        _dir.Write("empty.json", string.Empty);
        _dir.Write("array.json", "[1, 2]");
        _dir.Write("two.yaml", "Version: '2012-10-17'\n---\nVersion: '2012-10-17'\n");

        var (exit, output, error) = Run("--new-policy", newPolicy, "--existing-policy", existing, "--policy-type", type);

        exit.ShouldBe(2);
        error.ShouldContain(expected);
        output.ShouldNotContain("PASS");
    }

    [Theory]
    [InlineData(new string[0], "one of them")]
    [InlineData(new[] { "--existing-policy", "old.json", "--existing-policy-arn", "arn:aws:iam::123456789012:policy/P" }, "one of them")]
    [InlineData(new[] { "--existing-policy", "old.json", "--existing-trust-policy" }, "apply only with --existing-policy-arn")]
    [InlineData(new[] { "--existing-policy-arn", "arn:aws:s3:::bucket" }, "not an IAM policy, role, user or group ARN")]
    [InlineData(new[] { "--existing-policy-arn", "arn:aws:iam::123456789012:role/app" }, "add --existing-trust-policy")]
    [InlineData(new[] { "--existing-policy-arn", "arn:aws:iam::123456789012:role/app", "--existing-trust-policy" }, "use --policy-type resource")]
    [InlineData(new[] { "--existing-policy-arn", "arn:aws:iam::123456789012:policy/P", "--existing-trust-policy" }, "applies to a role ARN")]
    [InlineData(new[] { "--existing-policy-arn", "arn:aws:iam::123456789012:role/app", "--existing-trust-policy", "--existing-inline-policy", "x" }, "not both")]
    [InlineData(new[] { "--existing-policy-arn", "arn:aws:iam::123456789012:user/alice" }, "name the inline policy")]
    public void The_reference_must_be_named_exactly_once_and_fit_the_policy_type(string[] reference, string expected)
    {
        _dir.Write("new.json", Broader);
        _dir.Write("old.json", Existing);

        var (exit, _, error) = Run(["--new-policy", "new.json", "--policy-type", "identity", .. reference]);

        exit.ShouldBe(2);
        error.ShouldContain(expected);
    }

    [Fact]
    public void Help_shows_every_option()
    {
        var (exit, output, _) = Run("--help");

        exit.ShouldBe(0);
        foreach (var option in new[] { "--new-policy", "--existing-policy", "--existing-policy-arn", "--existing-inline-policy", "--existing-role-policy", "--existing-trust-policy", "--policy-type", "--format", "--config", "--engine", "--region", "--profile", "--endpoint-url", "--no-cache", "--max-aws-calls" })
        {
            output.ShouldContain(option);
        }

        output.ShouldContain("Needs AWS credentials");
    }
}

/// <summary><c>check-no-new-access</c> against the loopback Access Analyzer and IAM (process environment changes, so not in parallel).</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CheckNoNewAccessAwsTests : IDisposable
{
    private const string Deployed = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::prod-data/*"}]}""";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private readonly TestDirectory _dir = new();

    public CheckNoNewAccessAwsTests()
    {
        _dir.Write("new.json", CheckNoNewAccessCommandTests.Broader);
        _dir.Write("old.json", CheckNoNewAccessCommandTests.Existing);
        _dir.Write("trust.json", Trust);
    }

    public void Dispose() => _dir.Dispose();

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir.Root, ["check-no-new-access", .. args]);

    private static string Envelope(string operation, string result) =>
        $"<{operation}Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><{operation}Result>{result}</{operation}Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></{operation}Response>";

    private static FakeResponse Iam(FakeAwsCall call) => call.Operation switch
    {
        "GetPolicy" => FakeResponse.Xml(Envelope("GetPolicy", $"<Policy><PolicyName>Deployed</PolicyName><Arn>{call.Form["PolicyArn"]}</Arn><DefaultVersionId>v4</DefaultVersionId></Policy>")),
        "GetPolicyVersion" => FakeResponse.Xml(Envelope("GetPolicyVersion", $"<PolicyVersion><Document>{Uri.EscapeDataString(Deployed)}</Document><VersionId>v4</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>")),
        "GetRole" => FakeResponse.Xml(Envelope("GetRole", $"<Role><RoleName>{call.Form["RoleName"]}</RoleName><AssumeRolePolicyDocument>{Uri.EscapeDataString(Trust)}</AssumeRolePolicyDocument></Role>")),
        "GetRolePolicy" => FakeResponse.Xml(Envelope("GetRolePolicy", $"<PolicyName>{call.Form["PolicyName"]}</PolicyName><PolicyDocument>{Uri.EscapeDataString(Deployed)}</PolicyDocument>")),
        _ => FakeResponse.IamError(404, "NoSuchEntity", "not found"),
    };

    [Fact]
    public void Access_analyzers_fail_and_reasons_are_reported_as_they_came()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.Check(
            "FAIL", "The modified permissions grant new access compared to your existing policy.", """[{"description":"New access in the statement with sid: AllowWrite.","statementIndex":1,"statementId":"AllowWrite"}]"""));

        var text = Run(["--new-policy", "new.json", "--existing-policy", "old.json", "--policy-type", "identity", .. CliAwsScope.Engine(server)]);
        var json = Run(["--new-policy", "new.json", "--existing-policy", "old.json", "--policy-type", "identity", "--format", "json", .. CliAwsScope.Engine(server)]);

        server.Problems.ShouldBeEmpty();
        text.ExitCode.ShouldBe(1, text.Stderr);
        text.Stdout.ShouldContain("new.json:5:5: New access in the statement with sid: AllowWrite.");
        text.Stdout.ShouldContain("engine aws: credentials from the default AWS credential chain");
        text.Stdout.ShouldContain("AWS calls: 1 (1 billed custom policy checks), cache hits: 0, retries: 0");
        json.ExitCode.ShouldBe(1);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        root.GetProperty("engine").GetString().ShouldBe("aws");
        var reason = root.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem();
        reason.GetProperty("description").GetString().ShouldBe("New access in the statement with sid: AllowWrite.");
        reason.GetProperty("statementIndex").GetInt32().ShouldBe(1);
        reason.TryGetProperty("counterexample", out _).ShouldBeFalse();
        json.Stderr.ShouldContain("AWS calls: 1");
        var call = server.Calls[0];
        call.Json.GetProperty("newPolicyDocument").GetString().ShouldBe(CheckNoNewAccessCommandTests.Broader);
        call.Json.GetProperty("existingPolicyDocument").GetString().ShouldBe(CheckNoNewAccessCommandTests.Existing);
        CliAwsScope.ShouldHoldNoSecret(text.Stdout, text.Stderr, json.Stdout, json.Stderr);
    }

    [Fact]
    public void Access_analyzers_pass_exits_0()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS", "The modified permissions do not grant new access compared to your existing policy."));

        var (exit, output, error) = Run(["--new-policy", "new.json", "--existing-policy", "old.json", "--policy-type", "identity", .. CliAwsScope.Engine(server)]);

        exit.ShouldBe(0, error);
        output.ShouldStartWith("PASS: The modified permissions do not grant new access");
        server.CallCount("CheckNoNewAccess").ShouldBe(1);
    }

    [Fact]
    public void A_managed_policy_arn_is_read_from_iam_even_with_the_local_engine()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(Iam);

        var (exit, output, error) = Run("--new-policy", "new.json", "--existing-policy-arn", "arn:aws:iam::123456789012:policy/team/Deployed", "--policy-type", "identity", "--endpoint-url", server.Url);

        server.Problems.ShouldBeEmpty();
        exit.ShouldBe(1, error);
        server.Calls.Select(c => c.Operation).ShouldBe(["GetPolicy", "GetPolicyVersion"]);
        output.ShouldContain("new.json:5:5: New access in the statement with sid: AllowWrite.");
        output.ShouldContain("existing policy: arn:aws:iam::123456789012:policy/team/Deployed version v4 (default)");
        output.ShouldContain("engine local (offline)");
        output.ShouldContain("AWS calls: 2 (0 billed custom policy checks)");
        CliAwsScope.ShouldHoldNoSecret(output, error);
    }

    [Fact]
    public void A_role_trust_policy_and_a_role_inline_policy_can_be_the_reference()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(Iam);

        var trust = Run("--new-policy", "trust.json", "--existing-policy-arn", "arn:aws:iam::123456789012:role/app", "--existing-trust-policy", "--policy-type", "resource", "--endpoint-url", server.Url, "--format", "json");
        var inline = Run("--new-policy", "old.json", "--existing-policy-arn", "arn:aws:iam::123456789012:role/app", "--existing-role-policy", "inline-1", "--policy-type", "identity", "--endpoint-url", server.Url);

        server.Problems.ShouldBeEmpty();
        trust.ExitCode.ShouldBe(0, trust.Stderr);
        JsonDocument.Parse(trust.Stdout).RootElement.GetProperty("existingPolicySource").GetString().ShouldBe("the trust policy of arn:aws:iam::123456789012:role/app");
        inline.ExitCode.ShouldBe(0, inline.Stderr);
        inline.Stdout.ShouldContain("existing policy: the inline policy inline-1 of arn:aws:iam::123456789012:role/app");
        server.Calls.Select(c => c.Operation).ShouldBe(["GetRole", "GetRolePolicy"]);
        server.Calls[1].Form["PolicyName"].ShouldBe("inline-1");
    }

    [Fact]
    public void With_the_aws_engine_the_reference_and_the_check_share_one_engine_and_its_counts()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(call => call.Service == "iam" ? Iam(call) : FakeResponse.Check("PASS", "ok"));

        var (exit, output, error) = Run(["--new-policy", "old.json", "--existing-policy-arn", "arn:aws:iam::123456789012:policy/Deployed", "--policy-type", "identity", .. CliAwsScope.Engine(server)]);

        exit.ShouldBe(0, error);
        server.Calls.Select(c => c.Operation).ShouldBe(["GetPolicy", "GetPolicyVersion", "CheckNoNewAccess"]);
        server.Calls[2].Json.GetProperty("existingPolicyDocument").GetString().ShouldBe(Deployed);
        output.ShouldContain("AWS calls: 3 (1 billed custom policy checks)");
    }

    [Fact]
    public void A_policy_arn_without_credentials_exits_3_and_says_what_it_needed()
    {
        using var scope = new CliAwsScope(credentials: false);
        using var server = new FakeAwsServer(Iam);

        var (exit, output, error) = Run("--new-policy", "new.json", "--existing-policy-arn", "arn:aws:iam::123456789012:policy/Deployed", "--policy-type", "identity", "--endpoint-url", server.Url);

        exit.ShouldBe(3);
        output.ShouldBeEmpty();
        error.ShouldContain("--existing-policy-arn needs AWS credentials to read the default version of arn:aws:iam::123456789012:policy/Deployed from IAM");
        error.ShouldContain("no AWS credentials resolved");
        error.Trim().Split('\n').Length.ShouldBe(1);
        server.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void An_iam_error_exits_3_and_never_passes()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.IamError(403, "AccessDenied", "User is not authorized to perform: iam:GetPolicy"));

        var (exit, output, error) = Run("--new-policy", "old.json", "--existing-policy-arn", "arn:aws:iam::123456789012:policy/Deployed", "--policy-type", "identity", "--endpoint-url", server.Url);

        exit.ShouldBe(3);
        output.ShouldNotContain("PASS");
        error.ShouldContain("AccessDenied");
        error.ShouldContain("GetPolicy");
    }
}
