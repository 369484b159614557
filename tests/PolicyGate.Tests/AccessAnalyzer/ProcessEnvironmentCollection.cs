namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>
/// Tests that set process environment variables (the SDK's default credential chain reads them) or redirect
/// the console. They run alone, after the parallel tests, and restore what they changed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>Sets environment variables (null removes one) and puts the old values back on dispose.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = [];

    public EnvironmentScope(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var (name, value) in values)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>
    /// Every variable through which the default chain could find credentials or reach a network endpoint, cleared;
    /// instance metadata disabled; AWS_PROFILE naming a profile that does not exist, so the chain stops there.
    /// </summary>
    public static Dictionary<string, string?> NoCredentials() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["AWS_ROLE_ARN"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = null,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_PROFILE"] = "policygate-test-no-such-profile",
        ["AWS_DEFAULT_PROFILE"] = null,
    };

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
