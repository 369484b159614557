using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Benchmarks;

/// <summary>
/// The AWS engine's own overhead, without the network: signing one request, building a request and its cache
/// key, and a check answered from the persistent cache (what a re-run of an unchanged repository costs).
/// </summary>
[MemoryDiagnoser]
public class AwsEngineBenchmarks
{
    private const string Existing = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::bucket","arn:aws:s3:::bucket/*"]}]}""";

    private readonly string _policy = """{"Version":"2012-10-17","Statement":[""" + string.Join(",", Enumerable.Range(0, 10).Select(Statement)) + "]}";
    private readonly AwsSigningCredentials _credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token");
    private readonly AwsServiceEndpoint _endpoint = new(new Uri("https://access-analyzer.us-east-1.amazonaws.com/"), "us-east-1", "access-analyzer", "benchmark");
    private string _cacheDirectory = string.Empty;
    private AwsPolicyCheckEngine? _engine;
    private AwsRequest? _request;

    [GlobalSetup]
    public void Setup()
    {
        _request = AccessAnalyzerRequests.CheckNoNewAccess(_policy, Existing, CheckPolicyType.Identity);
        _cacheDirectory = Path.Combine(Path.GetTempPath(), "policygate-bench-cache-" + Guid.NewGuid().ToString("N"));
        new FileAwsResponseCache(_cacheDirectory).Write(_request.CacheKey, Encoding.UTF8.GetBytes("""{"result":"PASS","message":"No new access.","reasons":[]}"""));
        var options = new AwsEngineOptions { Region = "us-east-1", EndpointUrl = "http://127.0.0.1:9", CacheDirectory = _cacheDirectory };
        _engine = new PolicyCheckEngineFactory(() => throw new NotSupportedException(), _ => null).Create(options, new FixedCredentials(_credentials));
        Console.WriteLine($"// policy {_policy.Length:N0} characters, request body {_request.Body.Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine?.Dispose();
        Directory.Delete(_cacheDirectory, recursive: true);
    }

    [Benchmark]
    public int SignRequest() =>
        AwsRequestSigner.Sign("POST", new Uri(_endpoint.BaseUri, "policy/check-no-new-access"), AccessAnalyzerRequests.JsonContentType, _request!.Body, _endpoint, _credentials, DateTimeOffset.UtcNow).Headers.Count;

    [Benchmark]
    public string BuildRequestAndCacheKey() => AccessAnalyzerRequests.CheckNoNewAccess(_policy, Existing, CheckPolicyType.Identity).CacheKey;

    [Benchmark]
    public async Task<CheckVerdict> CheckAnsweredFromCache() =>
        (await _engine!.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(new(_policy), new(Existing), CheckPolicyType.Identity), CancellationToken.None)).Result;

    private static string Statement(int i) =>
        "{\"Sid\":\"S" + i + "\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::bucket-" + i
        + "/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"t" + i + "\"}}}";

    private sealed class FixedCredentials(AwsSigningCredentials credentials) : IAwsCredentialSource
    {
        public string Description => "benchmark credentials";

        public Task<AwsSigningCredentials> GetAsync(CancellationToken cancellationToken) => Task.FromResult(credentials);
    }
}
