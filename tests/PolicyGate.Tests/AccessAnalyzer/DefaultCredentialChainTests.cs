using System.Net;
using System.Text;
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

    [Fact]
    public async Task Container_credentials_from_a_loopback_endpoint_sign_requests()
    {
        using var credentialsEndpoint = new HttpListener();
        var port = new Uri(FakeAwsServer.ClosedUrl()).Port;
        credentialsEndpoint.Prefixes.Add($"http://127.0.0.1:{port}/");
        credentialsEndpoint.Start();
        var requests = 0;
        var serving = Task.Run(async () =>
        {
            while (credentialsEndpoint.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await credentialsEndpoint.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref requests);
                var expiration = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                var body = Encoding.UTF8.GetBytes($$"""{"AccessKeyId":"{{AwsTestKit.AccessKeyId}}","SecretAccessKey":"{{AwsTestKit.SecretAccessKey}}","Token":"{{AwsTestKit.SessionToken}}","Expiration":"{{expiration}}"}""");
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        var variables = EnvironmentScope.NoCredentials();
        variables["AWS_PROFILE"] = null;
        variables["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_kit.Directory, "no-credentials");
        variables["AWS_CONFIG_FILE"] = Path.Combine(_kit.Directory, "no-config");
        variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = $"http://127.0.0.1:{port}/credentials";
        using var environment = new EnvironmentScope(variables);
        using var server = new FakeAwsServer(_ => FakeResponse.Check("PASS"));

        try
        {
            var selection = await _kit.Factory().CreateAsync(EngineChoice.Aws, _kit.Options(server) with { Profile = null, SharedCredentialsFile = null }, CancellationToken.None);
            using var engine = selection.Engine.ShouldBeOfType<AwsPolicyCheckEngine>();
            AwsTestKit.RequireLoopback(engine);
            var result = await engine.CheckNoPublicAccessAsync(new(new(AwsEngineLoopbackTests.Policy), "AWS::SNS::Topic"), CancellationToken.None);

            server.Problems.ShouldBeEmpty();
            result.Result.ShouldBe(CheckVerdict.Pass);
            Volatile.Read(ref requests).ShouldBeGreaterThan(0);
        }
        finally
        {
            credentialsEndpoint.Stop();
            await serving.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }
}
