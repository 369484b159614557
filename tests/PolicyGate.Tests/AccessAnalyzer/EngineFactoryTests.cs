using PolicyGate.AccessAnalyzer;
using PolicyGate.Config;
using PolicyGate.Tests.Documents;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>Choosing the engine, credentials through the SDK's profile chain, and the aws configuration section.</summary>
public sealed class EngineFactoryTests : IDisposable
{
    private readonly AwsTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Aws_engine_signs_with_the_profiles_credentials_and_says_where_it_goes()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));

        var selection = await _kit.Factory().CreateAsync(EngineChoice.Aws, _kit.Options(server), CancellationToken.None);
        using var engine = (AwsPolicyCheckEngine)selection.Engine;
        AwsTestKit.RequireLoopback(engine);
        await engine.CheckNoPublicAccessAsync(new(new(AwsEngineLoopbackTests.Policy), "AWS::KMS::Key"), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        server.Calls.ShouldHaveSingleItem().Headers["x-amz-security-token"].ShouldBe(AwsTestKit.SessionToken);
        selection.Reason.ShouldBe($"engine aws: credentials from AWS profile \"{AwsTestKit.Profile}\"; Access Analyzer in us-east-1 (region option) at {new Uri(server.Url).Authority} (endpoint-url option)");
        selection.AwsStatistics.ShouldBe(new AwsCallStatistics(1, 1, 0, 0));
    }

    [Fact]
    public async Task Region_comes_from_the_environment_when_not_given_and_is_signed_for()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"), accessAnalyzerRegion: "eu-west-3");
        var environment = new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-3", ["AWS_ENDPOINT_URL_ACCESSANALYZER"] = server.Url };
        var factory = new PolicyCheckEngineFactory(() => new UnusedLocalEngine(), environment.GetValueOrDefault, _kit.Clock);

        var selection = await factory.CreateAsync(EngineChoice.Aws, _kit.Options(server) with { Region = null, EndpointUrl = null }, CancellationToken.None);
        using var engine = (AwsPolicyCheckEngine)selection.Engine;
        engine.Endpoints.Resolve(AwsService.AccessAnalyzer).BaseUri.IsLoopback.ShouldBeTrue();
        var result = await engine.CheckNoNewAccessAsync(new(new(AwsEngineLoopbackTests.Policy), new(AwsEngineLoopbackTests.Existing), CheckPolicyType.Identity), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        result.Result.ShouldBe(CheckVerdict.Pass);
        selection.Reason.ShouldContain("eu-west-3 (AWS_REGION)");
        selection.Reason.ShouldContain("(AWS_ENDPOINT_URL_ACCESSANALYZER)");
    }

    [Fact]
    public async Task Aws_without_resolvable_credentials_fails_closed_before_any_call()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));

        var error = await Should.ThrowAsync<PolicyCheckUnavailableException>(() =>
            _kit.Factory().CreateAsync(EngineChoice.Aws, _kit.Options(server) with { Profile = "missing-profile" }, CancellationToken.None));

        error.Message.ShouldContain("AWS profile \"missing-profile\" was not found");
        server.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Auto_picks_local_without_credentials_and_says_why()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));
        var local = new UnusedLocalEngine();

        var selection = await _kit.Factory(() => local).CreateAsync(EngineChoice.Auto, _kit.Options(server) with { Profile = "missing-profile" }, CancellationToken.None);

        selection.Engine.ShouldBeSameAs(local);
        selection.Reason.ShouldStartWith("engine auto chose local: ");
        selection.Reason.ShouldContain("missing-profile");
        selection.AwsStatistics.ShouldBeNull();
        server.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Auto_picks_aws_when_credentials_resolve()
    {
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));

        var selection = await _kit.Factory().CreateAsync(EngineChoice.Auto, _kit.Options(server), CancellationToken.None);
        using var engine = selection.Engine.ShouldBeOfType<AwsPolicyCheckEngine>();

        selection.Reason.ShouldStartWith("engine auto chose aws: credentials resolved from AWS profile");
        engine.Name.ShouldBe("aws");
    }

    [Fact]
    public async Task Local_is_built_without_touching_aws_settings()
    {
        var local = new UnusedLocalEngine();

        var selection = await _kit.Factory(() => local).CreateAsync(EngineChoice.Local, new AwsEngineOptions { Region = "not a region" }, CancellationToken.None);

        selection.Engine.ShouldBeSameAs(local);
        selection.Reason.ShouldBe("engine local (offline)");
    }

    [Fact]
    public async Task Wrong_settings_are_usage_errors_even_for_auto()
    {
        await Should.ThrowAsync<ArgumentException>(() => _kit.Factory().CreateAsync(EngineChoice.Auto, new AwsEngineOptions { Region = "us-east-1.evil.com" }, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => _kit.Factory().CreateAsync(EngineChoice.Auto, new AwsEngineOptions { Region = "us-east-1", EndpointUrl = "http://example.com" }, CancellationToken.None));
    }

    [Theory]
    [InlineData("aws", EngineChoice.Aws)]
    [InlineData(" AUTO ", EngineChoice.Auto)]
    [InlineData("local", EngineChoice.Local)]
    public void Parses_engine_choices(string text, EngineChoice expected)
    {
        EngineChoices.TryParse(text, out var choice).ShouldBeTrue();
        choice.ShouldBe(expected);
    }

    [Fact]
    public void Refuses_unknown_engine_choices() => EngineChoices.TryParse("cloud", out _).ShouldBeFalse();

    [Fact]
    public void Binds_the_aws_section()
    {
        var root = DocumentTestKit.Root("policygate.yaml", """
            aws:
              region: eu-central-1
              profile: ci
              endpoint-url: https://vpce-123.access-analyzer.eu-central-1.vpce.amazonaws.com
              fips: true
              cache-dir: .cache/policygate
              no-cache: true
              max-concurrency: 8
              max-aws-calls: 500
            """);

        var result = ConfigLoader.Bind(root, "policygate.yaml");

        result.Errors.ShouldBeEmpty();
        result.Config!.Aws.ShouldBe(new AwsSettings
        {
            Region = "eu-central-1",
            Profile = "ci",
            EndpointUrl = "https://vpce-123.access-analyzer.eu-central-1.vpce.amazonaws.com",
            Fips = true,
            CacheDirectory = ".cache/policygate",
            NoCache = true,
            MaxConcurrency = 8,
            MaxAwsCalls = 500,
        });
    }

    [Theory]
    [InlineData("aws:\n  region: us-east-1.evil.com\n", "\"region\" does not have the expected format", 2)]
    [InlineData("aws:\n  max-concurrency: 0\n", "\"max-concurrency\" is out of range", 2)]
    [InlineData("aws:\n  max-aws-calls: lots\n", "\"max-aws-calls\" must be a whole number", 2)]
    [InlineData("aws:\n  regoin: us-east-1\n", "did you mean \"region\"", 2)]
    [InlineData("aws:\n  secret-access-key: x\n", "unknown key \"secret-access-key\"", 2)]
    public void Reports_a_wrong_aws_section_at_its_line(string yaml, string expected, int line)
    {
        var result = ConfigLoader.Bind(DocumentTestKit.Root("policygate.yaml", yaml), "policygate.yaml");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain(expected);
        error.Location.Span.StartLine.ShouldBe(line);
    }

    [Fact]
    public void Command_line_overrides_the_configuration()
    {
        var settings = new AwsSettings { Region = "eu-west-1", Profile = "config", MaxAwsCalls = 10, MaxConcurrency = 2, Fips = true };

        var merged = AwsEngineOptions.From(settings, new AwsCommandLineOptions { Region = "us-west-2", NoCache = true, MaxAwsCalls = 3 });
        var configOnly = AwsEngineOptions.From(settings, new AwsCommandLineOptions());

        (merged.Region, merged.Profile, merged.UseCache, merged.MaxAwsCalls, merged.MaxConcurrency, merged.Fips).ShouldBe(("us-west-2", "config", false, 3, 2, true));
        (configOnly.Region, configOnly.UseCache, configOnly.MaxAwsCalls).ShouldBe(("eu-west-1", true, 10));
    }

    [Fact]
    public void Default_cache_directory_is_under_the_users_cache_directory()
    {
        var directory = FileAwsResponseCache.DefaultDirectory(name => name == "XDG_CACHE_HOME" ? Path.Combine(_kit.Directory, "xdg") : null);

        directory.ShouldEndWith(Path.Combine("policygate", "aws"));
        if (OperatingSystem.IsLinux())
        {
            directory.ShouldStartWith(Path.Combine(_kit.Directory, "xdg"));
        }
    }
}
