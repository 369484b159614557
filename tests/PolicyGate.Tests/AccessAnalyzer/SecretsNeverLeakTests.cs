using System.Text;
using Amazon;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>
/// Captures everything a succeeding and a failing run put out (console, the SDK's own log, messages, exception
/// texts with inner exceptions, the summary, results and the cache directory) and looks for the test secret key
/// and session token in it.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SecretsNeverLeakTests : IDisposable
{
    private readonly AwsTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Neither_a_succeeding_nor_a_failing_run_shows_the_secret_key_or_the_session_token()
    {
        var output = new StringBuilder();
        var console = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        var previousLogTo = AWSConfigs.LoggingConfig.LogTo;
        var previousResponses = AWSConfigs.LoggingConfig.LogResponses;
        Console.SetOut(console);
        Console.SetError(console);
        AWSConfigs.LoggingConfig.LogTo = LoggingOptions.Console;
        AWSConfigs.LoggingConfig.LogResponses = ResponseLoggingOption.Always;
        try
        {
            await SucceedingRunAsync(output);
            await FailingRunAsync(output);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            AWSConfigs.LoggingConfig.LogTo = previousLogTo;
            AWSConfigs.LoggingConfig.LogResponses = previousResponses;
        }

        output.AppendLine(console.ToString());
        foreach (var file in Directory.EnumerateFiles(_kit.Directory, "*", SearchOption.AllDirectories).Where(f => f != _kit.CredentialsFile))
        {
            output.AppendLine(file).AppendLine(File.ReadAllText(file));
        }

        var everything = output.ToString();
        everything.ShouldContain("AWS calls:");
        everything.ShouldContain("AccessDeniedException");
        everything.ShouldNotContain(AwsTestKit.SecretAccessKey);
        everything.ShouldNotContain(AwsTestKit.SessionToken);
        everything.ShouldNotContain(AwsTestKit.SessionToken[..16]);
        everything.ShouldNotContain(AwsTestKit.SecretAccessKey[..16]);
    }

    private async Task SucceedingRunAsync(StringBuilder output)
    {
        using var server = new FakeAwsServer(call => call.Service == "iam"
            ? FakeResponse.Xml("<GetRoleResponse><GetRoleResult><Role><AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument></Role></GetRoleResult></GetRoleResponse>")
            : call.Operation == "ValidatePolicy"
                ? FakeResponse.Json("""{"findings":[]}""")
                : FakeResponse.Check("FAIL", "new access", """[{"description":"New access in the statement with index: 0.","statementIndex":0}]"""));
        var selection = await _kit.Factory().CreateAsync(EngineChoice.Auto, _kit.Options(server), CancellationToken.None);
        using var engine = (AwsPolicyCheckEngine)selection.Engine;
        AwsTestKit.RequireLoopback(engine);
        output.AppendLine(selection.Reason);
        var policy = new PolicyDocumentInput(AwsEngineLoopbackTests.Policy);
        output.AppendLine((await engine.CheckNoNewAccessAsync(new(policy, new(AwsEngineLoopbackTests.Existing), CheckPolicyType.Identity), CancellationToken.None)).ToString());
        output.AppendLine((await engine.CheckAccessNotGrantedAsync(new(policy, ["s3:GetObject"], [], CheckPolicyType.Identity), CancellationToken.None)).ToString());
        output.AppendLine((await engine.CheckNoPublicAccessAsync(new(policy, "AWS::S3::Bucket"), CancellationToken.None)).ToString());
        output.AppendLine((await engine.ValidatePolicyAsync(new(policy, ValidatePolicyType.Identity), CancellationToken.None)).ToString());
        output.AppendLine((await new DeployedPolicySource(engine.Iam).FetchAsync(DeployedPolicyReference.Parse("arn:aws:iam::123456789012:role/r"), CancellationToken.None)).ToString());
        output.AppendLine(engine.Statistics.ToSummaryText());
        server.Problems.ShouldBeEmpty();
        server.Calls.ShouldAllBe(c => c.Headers["x-amz-security-token"] == AwsTestKit.SessionToken);
    }

    private async Task FailingRunAsync(StringBuilder output)
    {
        using var server = new FakeAwsServer(call => call.Operation == "CheckNoNewAccess"
            ? FakeResponse.AaError(403, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/ci/run is not authorized")
            : new FakeResponse(200, "{\"result\":"));
        using var engine = await _kit.EngineAsync(_kit.Options(server) with { UseCache = false });
        var policy = new PolicyDocumentInput(AwsEngineLoopbackTests.Policy);
        var failures = new List<Exception>
        {
            await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoNewAccessAsync(new(policy, new(AwsEngineLoopbackTests.Existing), CheckPolicyType.Identity), CancellationToken.None)),
            await Should.ThrowAsync<PolicyCheckUnavailableException>(() => engine.CheckNoPublicAccessAsync(new(policy, "AWS::S3::Bucket"), CancellationToken.None)),
            await Should.ThrowAsync<PolicyCheckUnavailableException>(() => _kit.Factory().CreateAsync(EngineChoice.Aws, _kit.Options(server) with { Profile = "absent" }, CancellationToken.None)),
        };
        using var unreachable = await _kit.EngineAsync(_kit.Options(server) with { EndpointUrl = FakeAwsServer.ClosedUrl(), UseCache = false, Retry = new AwsRetryPolicy { MaxAttempts = 1 } });
        failures.Add(await Should.ThrowAsync<PolicyCheckUnavailableException>(() => unreachable.ValidatePolicyAsync(new(policy, ValidatePolicyType.Identity), CancellationToken.None)));
        foreach (var failure in failures)
        {
            output.AppendLine(failure.ToString());
        }

        output.AppendLine((await _kit.Factory().CreateAsync(EngineChoice.Auto, _kit.Options(server) with { Profile = "absent" }, CancellationToken.None)).Reason);
        output.AppendLine(engine.Statistics.ToSummaryText());
    }
}
