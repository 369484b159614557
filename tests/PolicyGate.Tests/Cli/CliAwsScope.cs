using PolicyGate.Tests.AccessAnalyzer;

namespace PolicyGate.Tests.Cli;

/// <summary>
/// A process environment for running single-check commands against the loopback AWS server: the test
/// credentials in the environment variables (or none at all), the region fixed, every endpoint override and
/// shared AWS file pointed away from this machine's own, the default cache directory inside a temporary folder.
/// Use only in <see cref="ProcessEnvironmentCollection"/> tests.
/// </summary>
internal sealed class CliAwsScope : IDisposable
{
    private readonly AwsTestKit _kit = new();
    private readonly EnvironmentScope _environment;

    public CliAwsScope(bool credentials = true, string? endpointUrl = null)
    {
        var variables = EnvironmentScope.NoCredentials();
        variables["AWS_REGION"] = "us-east-1";
        variables["AWS_DEFAULT_REGION"] = null;
        variables["AWS_ENDPOINT_URL"] = endpointUrl;
        variables["AWS_ENDPOINT_URL_ACCESSANALYZER"] = null;
        variables["AWS_ENDPOINT_URL_IAM"] = null;
        variables["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = null;
        variables["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_kit.Directory, "no-credentials");
        variables["AWS_CONFIG_FILE"] = Path.Combine(_kit.Directory, "no-config");
        variables["XDG_CACHE_HOME"] = Path.Combine(_kit.Directory, "xdg-cache");
        if (credentials)
        {
            variables["AWS_PROFILE"] = null;
            variables["AWS_ACCESS_KEY_ID"] = AwsTestKit.AccessKeyId;
            variables["AWS_SECRET_ACCESS_KEY"] = AwsTestKit.SecretAccessKey;
            variables["AWS_SESSION_TOKEN"] = AwsTestKit.SessionToken;
        }

        _environment = new EnvironmentScope(variables);
    }

    /// <summary>A private directory for caches and files of the test.</summary>
    public string Directory => _kit.Directory;

    /// <summary>The default answer cache the commands use in this scope.</summary>
    public string DefaultCacheDirectory => Path.Combine(_kit.Directory, "xdg-cache");

    /// <summary>The engine options that send everything to the server and cache nothing.</summary>
    public static string[] Engine(FakeAwsServer server, string engine = "aws") => ["--engine", engine, "--endpoint-url", server.Url, "--no-cache"];

    /// <summary>Fails when the test secret key or session token (or a recognisable part of them) appears in the text.</summary>
    public static void ShouldHoldNoSecret(params string[] texts)
    {
        foreach (var text in texts)
        {
            text.ShouldNotContain(AwsTestKit.SecretAccessKey[..12]);
            text.ShouldNotContain(AwsTestKit.SessionToken[..12]);
        }
    }

    public void Dispose()
    {
        _environment.Dispose();
        _kit.Dispose();
    }
}
