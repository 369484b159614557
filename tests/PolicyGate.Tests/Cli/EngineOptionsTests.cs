using System.CommandLine;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Cli;
using PolicyGate.Config;
using PolicyGate.Reasoning;

namespace PolicyGate.Tests.Cli;

/// <summary>The engine options: parsing, errors, merging with the configuration, and their presence on every check command.</summary>
public sealed class EngineOptionsTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public EngineOptionsTests() => _dir.Write("policy.json", CheckNoPublicAccessCommandTests.PublicBucket);

    public void Dispose() => _dir.Dispose();

    /// <summary>The request, read only when the command line parsed (as the CLI does: parse errors end the run first).</summary>
    private static (EngineRequest? Request, IReadOnlyList<string> Errors) Parse(params string[] args)
    {
        var options = EngineOptions.Create();
        var command = new RootCommand();
        options.AddTo(command);
        var parse = command.Parse(args);
        return (parse.Errors.Count == 0 ? options.Read(parse) : null, parse.Errors.Select(e => e.Message).ToList());
    }

    [Fact]
    public void Without_options_the_engine_is_local_and_nothing_is_overridden()
    {
        var (request, errors) = Parse();

        errors.ShouldBeEmpty();
        request.ShouldBe(new EngineRequest(EngineChoice.Local, new AwsCommandLineOptions()));
    }

    [Fact]
    public void Every_option_is_read()
    {
        var (request, errors) = Parse("--engine", "AUTO", "--region", " eu-west-1 ", "--profile", "ci", "--endpoint-url", "https://vpce.example", "--no-cache", "--max-aws-calls", "25");

        errors.ShouldBeEmpty();
        request.ShouldNotBeNull().Choice.ShouldBe(EngineChoice.Auto);
        request.CommandLine.ShouldBe(new AwsCommandLineOptions { Region = "eu-west-1", Profile = "ci", EndpointUrl = "https://vpce.example", NoCache = true, MaxAwsCalls = 25 });
    }

    [Theory]
    [InlineData(new[] { "--engine", "remote" }, "--engine remote: use local, aws or auto")]
    [InlineData(new[] { "--max-aws-calls", "-1" }, "--max-aws-calls -1: give a number of calls, 0 or more")]
    [InlineData(new[] { "--max-aws-calls", "many" }, "many")]
    public void Bad_values_are_parse_errors(string[] args, string expected)
    {
        var (request, errors) = Parse(args);

        request.ShouldBeNull();
        errors.ShouldContain(e => e.Contains(expected));
    }

    [Theory]
    [InlineData("check-no-public-access", "--resource-type", "AWS::S3::Bucket")]
    [InlineData("check-access-not-granted", "--actions", "s3:GetObject")]
    [InlineData("validate-policy", "--policy-type", "resource")]
    public void A_bad_engine_value_exits_2_on_every_command(string command, string option, string value)
    {
        var (exit, output, error) = CliRunner.Run(_dir.Root, command, "--policy", "policy.json", option, value, "--policy-type", "resource", "--engine", "cloud");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("--engine cloud: use local, aws or auto");
    }

    [Theory]
    [InlineData("--region", "not a region", "region")]
    [InlineData("--endpoint-url", "ftp://example.com", "ftp://example.com")]
    [InlineData("--endpoint-url", "http://example.com", "http://example.com")]
    public void A_malformed_region_or_endpoint_exits_2_before_anything_is_sent(string option, string value, string expected)
    {
        var (exit, output, error) = CliRunner.Run(_dir.Root, "check-no-public-access", "--policy", "policy.json", "--resource-type", "AWS::S3::Bucket", "--engine", "auto", option, value);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith("policygate: ");
        error.ShouldContain(expected);
    }

    [Fact]
    public async Task The_local_engine_ignores_aws_settings_and_says_it_ran_offline()
    {
        var selection = await EngineOptions.SelectAsync(
            new EngineRequest(EngineChoice.Local, new AwsCommandLineOptions { Region = "not a region" }),
            new AwsSettings { EndpointUrl = "ftp://nowhere" },
            _ => throw new InvalidOperationException("the local engine must not read the environment"),
            CancellationToken.None);

        selection.Engine.ShouldBeOfType<LocalPolicyCheckEngine>();
        selection.Reason.ShouldBe("engine local (offline)");
        selection.AwsStatistics.ShouldBeNull();
    }

    [Fact]
    public async Task The_configuration_supplies_what_the_command_line_leaves_open_and_the_command_line_wins()
    {
        var settings = new AwsSettings { Region = "eu-west-1", EndpointUrl = "ftp://from-config", MaxAwsCalls = 10 };

        var fromConfig = await Should.ThrowAsync<ArgumentException>(() => EngineOptions.SelectAsync(new EngineRequest(EngineChoice.Aws, new AwsCommandLineOptions()), settings, _ => null, CancellationToken.None));
        var overridden = await Should.ThrowAsync<ArgumentException>(() => EngineOptions.SelectAsync(new EngineRequest(EngineChoice.Aws, new AwsCommandLineOptions { EndpointUrl = "gopher://from-command-line" }), settings, _ => null, CancellationToken.None));

        fromConfig.Message.ShouldContain("ftp://from-config");
        overridden.Message.ShouldContain("gopher://from-command-line");
        overridden.Message.ShouldNotContain("ftp://from-config");
    }

    [Fact]
    public void A_configuration_with_an_aws_section_is_honoured_by_the_commands()
    {
        _dir.Write("policygate.yaml", "aws:\n  endpoint-url: http://configured.example\n");

        var (exit, _, error) = CliRunner.Run(_dir.Root, "check-no-public-access", "--policy", "policy.json", "--resource-type", "AWS::S3::Bucket", "--engine", "aws");

        exit.ShouldBe(2);
        error.ShouldContain("http://configured.example");
    }
}
