using System.Text.Json;
using PolicyGate.Tests.AccessAnalyzer;

namespace PolicyGate.Tests.Cli;

/// <summary><c>policygate check-no-public-access</c> with the local engine.</summary>
public sealed class CheckNoPublicAccessCommandTests : IDisposable
{
    internal const string PublicBucket = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*" }
          ]
        }
        """;

    private const string OrgOnly = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*",
              "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
            }
          ]
        }
        """;

    private readonly TestDirectory _dir = new();

    public CheckNoPublicAccessCommandTests()
    {
        _dir.Write("public.json", PublicBucket);
        _dir.Write("org.json", OrgOnly);
    }

    public void Dispose() => _dir.Dispose();

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir.Root, ["check-no-public-access", .. args]);

    [Fact]
    public void A_public_grant_fails_with_an_anonymous_counterexample()
    {
        var (exit, output, _) = Run("--policy", "public.json", "--resource-type", "AWS::S3::Bucket");

        exit.ShouldBe(1);
        output.ShouldStartWith("FAIL: ");
        output.ShouldContain("public.json:4:5: ");
        output.ShouldContain("counterexample: principal ");
        output.ShouldContain("action s3:GetObject, resource arn:aws:s3:::site/");
    }

    [Fact]
    public void A_grant_restricted_to_an_organization_passes()
    {
        var (exit, output, error) = Run("--policy", "org.json", "--resource-type", "AWS::S3::Bucket");

        exit.ShouldBe(0, error);
        output.ShouldStartWith("PASS: ");
    }

    [Fact]
    public void Json_output_names_the_statement_and_is_stable()
    {
        string[] args = ["--policy", "public.json", "--resource-type", "aws::s3::bucket", "--format", "json"];
        var first = Run(args);
        var second = Run(args);

        first.ExitCode.ShouldBe(1, first.Stderr);
        second.StdoutBytes.ShouldBe(first.StdoutBytes);
        var root = JsonDocument.Parse(first.Stdout).RootElement;
        root.GetProperty("result").GetString().ShouldBe("FAIL");
        root.GetProperty("reasons")[0].GetProperty("statementId").GetString().ShouldBe("PublicRead");
        root.GetProperty("counterexample").GetProperty("principal").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("engine").GetString().ShouldBe("local");
    }

    [Fact]
    public void An_unsupported_resource_type_exits_2_and_lists_the_supported_ones()
    {
        var (exit, output, error) = Run("--policy", "public.json", "--resource-type", "AWS::EC2::Instance");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("--resource-type AWS::EC2::Instance: CheckNoPublicAccess does not support this resource type; supported: ");
        error.ShouldContain("AWS::S3::Bucket");
        error.ShouldContain("AWS::KMS::Key");
    }

    [Fact]
    public void A_yaml_policy_is_located_in_the_yaml()
    {
        _dir.Write("queue.yaml", "Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Principal: '*'\n    Action: sqs:SendMessage\n    Resource: '*'\n");

        var (exit, output, _) = Run("--policy", "queue.yaml", "--resource-type", "AWS::SQS::Queue");

        exit.ShouldBe(1);
        output.ShouldContain("queue.yaml:3:5: ");
    }

    [Fact]
    public void A_missing_file_and_a_bad_config_exit_2()
    {
        Run("--policy", "nope.json", "--resource-type", "AWS::S3::Bucket").ExitCode.ShouldBe(2);
        var config = Run("--policy", "public.json", "--resource-type", "AWS::S3::Bucket", "--config", "absent.yaml");
        config.ExitCode.ShouldBe(2);
        config.Stderr.ShouldContain("absent.yaml does not exist");
    }

    [Fact]
    public void Binary_deeply_nested_and_oversized_files_exit_2_with_a_located_message()
    {
        _dir.WriteBytes("binary.json", [0x00, 0xFF, 0xFE, 0x00, 0x01, 0x02, 0xC3, 0x28]);
        _dir.Write("deep.json", new string('[', 100_000) + new string(']', 100_000));
        _dir.Write("big.json", PublicBucket + new string(' ', 4096));
        _dir.Write("small.yaml", "max-file-size: 1KB\n");

        var binary = Run("--policy", "binary.json", "--resource-type", "AWS::S3::Bucket");
        var deep = Run("--policy", "deep.json", "--resource-type", "AWS::S3::Bucket");
        var big = Run("--policy", "big.json", "--resource-type", "AWS::S3::Bucket", "--config", "small.yaml");

        binary.ExitCode.ShouldBe(2);
        binary.Stderr.ShouldContain("binary.json:1:1: error: ");
        deep.ExitCode.ShouldBe(2);
        deep.Stderr.ShouldContain("deep.json:1:");
        big.ExitCode.ShouldBe(2);
        big.Stderr.ShouldContain("above the limit");
        new[] { binary, deep, big }.ShouldAllBe(r => r.Stdout.Length == 0);
    }

    [Fact]
    public void Help_shows_every_option()
    {
        var (exit, output, _) = Run("--help");

        exit.ShouldBe(0);
        foreach (var option in new[] { "--policy", "--resource-type", "--format", "--config", "--engine", "--region", "--profile", "--endpoint-url", "--no-cache", "--max-aws-calls" })
        {
            output.ShouldContain(option);
        }
    }
}

/// <summary><c>check-no-public-access</c> against the loopback Access Analyzer, and engine selection without credentials.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CheckNoPublicAccessAwsTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public CheckNoPublicAccessAwsTests() => _dir.Write("public.json", CheckNoPublicAccessCommandTests.PublicBucket);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Access_analyzer_answers_through_the_endpoint_from_the_environment()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS", "The resource policy does not grant public access for the given resource type."));
        using var scope = new CliAwsScope(endpointUrl: server.Url);

        var (exit, output, error) = CliRunner.Run(_dir.Root, "check-no-public-access", "--policy", "public.json", "--resource-type", "AWS::S3::Bucket", "--engine", "aws", "--no-cache");

        server.Problems.ShouldBeEmpty();
        exit.ShouldBe(0, error);
        output.ShouldStartWith("PASS: The resource policy does not grant public access for the given resource type.\n");
        output.ShouldContain("(AWS_ENDPOINT_URL)");
        var call = server.Calls.ShouldHaveSingleItem();
        call.Json.GetProperty("resourceType").GetString().ShouldBe("AWS::S3::Bucket");
        call.Json.GetProperty("policyDocument").GetString().ShouldBe(CheckNoPublicAccessCommandTests.PublicBucket);
        CliAwsScope.ShouldHoldNoSecret(output, error);
    }

    [Fact]
    public void Aws_without_credentials_exits_3_with_one_line_and_no_verdict()
    {
        using var scope = new CliAwsScope(credentials: false);
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));

        var (exit, output, error) = CliRunner.Run(_dir.Root, ["check-no-public-access", "--policy", "public.json", "--resource-type", "AWS::S3::Bucket", .. CliAwsScope.Engine(server)]);

        exit.ShouldBe(3);
        output.ShouldBeEmpty();
        error.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("policygate: the check could not be completed: no AWS credentials resolved from the default AWS credential chain");
        server.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Auto_without_credentials_runs_locally_and_says_why()
    {
        using var scope = new CliAwsScope(credentials: false);
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));

        var text = CliRunner.Run(_dir.Root, ["check-no-public-access", "--policy", "public.json", "--resource-type", "AWS::S3::Bucket", .. CliAwsScope.Engine(server, "auto")]);
        var json = CliRunner.Run(_dir.Root, ["check-no-public-access", "--policy", "public.json", "--resource-type", "AWS::S3::Bucket", "--format", "json", .. CliAwsScope.Engine(server, "auto")]);

        text.ExitCode.ShouldBe(1);
        text.Stdout.ShouldContain("engine auto chose local: no AWS credentials resolved");
        text.Stdout.ShouldContain("counterexample: ");
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        root.GetProperty("engine").GetString().ShouldBe("local");
        root.GetProperty("engineReason").GetString()!.ShouldStartWith("engine auto chose local: ");
        server.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Auto_with_credentials_uses_aws_and_a_throttled_then_answered_call_is_counted()
    {
        var calls = 0;
        using var server = new FakeAwsServer(_ => Interlocked.Increment(ref calls) == 1
            ? FakeResponse.AaError(429, "ThrottlingException", "Rate exceeded")
            : FakeResponse.Check("FAIL", "The resource policy grants public access for the given resource type.", """[{"description":"Public access granted in the following statement with sid: PublicRead.","statementIndex":0,"statementId":"PublicRead"}]"""));
        using var scope = new CliAwsScope();

        var (exit, output, error) = CliRunner.Run(_dir.Root, ["check-no-public-access", "--policy", "public.json", "--resource-type", "AWS::S3::Bucket", .. CliAwsScope.Engine(server, "auto")]);

        exit.ShouldBe(1, error);
        output.ShouldContain("public.json:4:5: Public access granted in the following statement with sid: PublicRead.");
        output.ShouldContain("engine auto chose aws: credentials resolved from the default AWS credential chain");
        output.ShouldContain("retries: 1");
    }

    [Fact]
    public void The_configured_cache_answers_a_second_run_without_a_call()
    {
        using var scope = new CliAwsScope();
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS", "no public access"));
        _dir.Write("policygate.yaml", $"aws:\n  endpoint-url: {server.Url}\n  cache-dir: answers\n");

        var first = CliRunner.Run(_dir.Root, "check-no-public-access", "--policy", "public.json", "--resource-type", "AWS::S3::Bucket", "--engine", "aws");
        var second = CliRunner.Run(_dir.Root, "check-no-public-access", "--policy", "public.json", "--resource-type", "AWS::S3::Bucket", "--engine", "aws");

        first.ExitCode.ShouldBe(0, first.Stderr);
        second.ExitCode.ShouldBe(0, second.Stderr);
        server.Calls.ShouldHaveSingleItem();
        second.Stdout.ShouldContain("AWS calls: 0 (0 billed custom policy checks), cache hits: 1");
        Directory.EnumerateFiles(Path.Combine(_dir.Root, "answers"), "*", SearchOption.AllDirectories).ShouldNotBeEmpty();
        Directory.Exists(scope.DefaultCacheDirectory).ShouldBeFalse();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_dir.Root, "answers"), "*", SearchOption.AllDirectories))
        {
            CliAwsScope.ShouldHoldNoSecret(File.ReadAllText(file));
        }
    }
}
