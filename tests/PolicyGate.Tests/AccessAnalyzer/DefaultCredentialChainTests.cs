using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>The SDK's default chain (no profile given), driven through the process environment.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DefaultCredentialChainTests : IDisposable
{
    private readonly AwsTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Environment_credentials_sign_requests()
    {
        var variables = EnvironmentScope.NoCredentials();
        variables["AWS_PROFILE"] = null;
        variables["AWS_ACCESS_KEY_ID"] = AwsTestKit.AccessKeyId;
        variables["AWS_SECRET_ACCESS_KEY"] = AwsTestKit.SecretAccessKey;
        variables["AWS_SESSION_TOKEN"] = AwsTestKit.SessionToken;
        using var environment = new EnvironmentScope(variables);
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));

        var selection = await _kit.Factory().CreateAsync(EngineChoice.Auto, _kit.Options(server) with { Profile = null, SharedCredentialsFile = null }, CancellationToken.None);
        using var engine = selection.Engine.ShouldBeOfType<AwsPolicyCheckEngine>();
        AwsTestKit.RequireLoopback(engine);
        var result = await engine.CheckNoNewAccessAsync(new(new(AwsEngineLoopbackTests.Policy), new(AwsEngineLoopbackTests.Existing), CheckPolicyType.Identity), CancellationToken.None);

        server.Problems.ShouldBeEmpty();
        result.Result.ShouldBe(CheckVerdict.Pass);
        selection.Reason.ShouldContain("the default AWS credential chain");
    }

    [Fact]
    public async Task Auto_without_any_credentials_picks_local_and_aws_fails_closed()
    {
        using var environment = new EnvironmentScope(EnvironmentScope.NoCredentials());
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));
        var options = _kit.Options(server) with { Profile = null, SharedCredentialsFile = null };

        var auto = await _kit.Factory().CreateAsync(EngineChoice.Auto, options, CancellationToken.None);
        var aws = await Should.ThrowAsync<PolicyCheckUnavailableException>(() => _kit.Factory().CreateAsync(EngineChoice.Aws, options, CancellationToken.None));

        auto.Engine.Name.ShouldBe("local");
        auto.Reason.ShouldStartWith("engine auto chose local: no AWS credentials resolved from the default AWS credential chain");
        aws.Message.ShouldContain("no AWS credentials resolved");
        server.Calls.ShouldBeEmpty();
    }
}
