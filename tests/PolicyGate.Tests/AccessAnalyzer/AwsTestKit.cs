using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>Known test credentials, a private temporary directory, and engine options that can only reach the loopback server.</summary>
internal sealed class AwsTestKit : IDisposable
{
    public const string AccessKeyId = "ASIAPOLICYGATETEST01";
    public const string SecretAccessKey = "pgTestSecret/Key+0123456789abcdefghijklmnopqrs";
    public const string SessionToken = "pgTestSessionToken//IQoJb3JpZ2luX2VjEXAMPLE+token=";
    public const string Profile = "policygate-test";

    public AwsTestKit()
    {
        Directory = Path.Combine(Path.GetTempPath(), "policygate-aws-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        CredentialsFile = Path.Combine(Directory, "credentials");
        File.WriteAllText(CredentialsFile, $"[{Profile}]\naws_access_key_id = {AccessKeyId}\naws_secret_access_key = {SecretAccessKey}\naws_session_token = {SessionToken}\n");
        CacheDirectory = Path.Combine(Directory, "cache");
    }

    public string Directory { get; }

    public string CredentialsFile { get; }

    public string CacheDirectory { get; }

    public RecordingClock Clock { get; } = new();

    public static string RepoRoot => RepositoryPaths.Root;

    public static string TestData(string name) => Path.Combine(RepoRoot, "tests", "PolicyGate.Tests", "AccessAnalyzer", "TestData", name);

    /// <summary>Options whose every endpoint is the loopback server and whose credentials come from the SDK's profile chain over the test file.</summary>
    public AwsEngineOptions Options(FakeAwsServer server) => new()
    {
        Region = "us-east-1",
        Profile = Profile,
        SharedCredentialsFile = CredentialsFile,
        EndpointUrl = server.Url,
        CacheDirectory = CacheDirectory,
        MaxConcurrency = 4,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Retry = new AwsRetryPolicy { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2) },
    };

    /// <summary>A factory that sees no environment variable (so no real endpoint or region leaks in) and never sleeps.</summary>
    public PolicyCheckEngineFactory Factory(Func<IPolicyCheckEngine>? local = null, Random? jitter = null) =>
        new(local ?? (() => new UnusedLocalEngine()), _ => null, Clock, jitter ?? new Random(7));

    public async Task<AwsPolicyCheckEngine> EngineAsync(AwsEngineOptions options, Random? jitter = null)
    {
        var selection = await Factory(jitter: jitter).CreateAsync(EngineChoice.Aws, options, CancellationToken.None);
        var engine = selection.Engine.ShouldBeOfType<AwsPolicyCheckEngine>();
        RequireLoopback(engine);
        return engine;
    }

    /// <summary>A guard against a test that would reach real AWS: every endpoint the engine can call must be on this machine.</summary>
    public static void RequireLoopback(AwsPolicyCheckEngine engine)
    {
        foreach (var partition in AwsPartition.All)
        {
            engine.Endpoints.Resolve(AwsService.Iam, partition).BaseUri.IsLoopback.ShouldBeTrue();
        }

        engine.Endpoints.Resolve(AwsService.AccessAnalyzer).BaseUri.IsLoopback.ShouldBeTrue();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Stands in for the offline engine (built elsewhere) where a test only needs to see it chosen.</summary>
internal sealed class UnusedLocalEngine : IPolicyCheckEngine
{
    public string Name => "local";

    public Task<PolicyCheckResult> CheckNoNewAccessAsync(CheckNoNewAccessRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PolicyCheckResult> CheckAccessNotGrantedAsync(CheckAccessNotGrantedRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PolicyCheckResult> CheckNoPublicAccessAsync(CheckNoPublicAccessRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ValidatePolicyResult> ValidatePolicyAsync(ValidatePolicyRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>Real time for signing; waits are recorded and skipped, so backoff is visible and tests stay fast.</summary>
internal sealed class RecordingClock : IAwsClock
{
    private readonly List<TimeSpan> _delays = [];

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_delays)
        {
            _delays.Add(delay);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Jitter pinned to one value, so backoff delays are exact.</summary>
internal sealed class FixedJitter(double value) : Random
{
    public override double NextDouble() => value;
}
