namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// Builds the engine a run asked for. <c>local</c> is built by the caller's factory; <c>aws</c> resolves
/// credentials up front and fails (<see cref="PolicyCheckUnavailableException"/>) when none resolve;
/// <c>auto</c> uses aws when credentials resolve and local otherwise, saying which and why.
/// Settings that are wrong (a malformed region or endpoint) throw <see cref="ArgumentException"/> whatever the choice.
/// </summary>
public sealed class PolicyCheckEngineFactory(
    Func<IPolicyCheckEngine> createLocal,
    Func<string, string?>? environment = null,
    IAwsClock? clock = null,
    Random? jitter = null)
{
    private const string DefaultRegion = "us-east-1";

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public async Task<EngineSelection> CreateAsync(EngineChoice choice, AwsEngineOptions options, CancellationToken cancellationToken)
    {
        if (choice == EngineChoice.Local)
        {
            return new EngineSelection(createLocal(), "engine local (offline)");
        }

        var credentials = new AwsCredentialChain(options.Profile, options.SharedCredentialsFile);
        var (region, regionSource) = ResolveRegion(options, credentials);
        var endpoints = new AwsEndpointResolver(region, options.Fips, options.EndpointUrl, _environment);
        var accessAnalyzer = endpoints.Resolve(AwsService.AccessAnalyzer);
        try
        {
            await credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PolicyCheckUnavailableException ex) when (choice == EngineChoice.Auto)
        {
            return new EngineSelection(createLocal(), $"engine auto chose local: {ex.Message}");
        }

        var engine = Create(options, credentials, endpoints);
        var why = choice == EngineChoice.Auto ? "engine auto chose aws: credentials resolved from" : "engine aws: credentials from";
        return new EngineSelection(engine, $"{why} {credentials.Description}; Access Analyzer in {region.Name} ({regionSource}) at {accessAnalyzer.BaseUri.Authority} ({accessAnalyzer.Source})");
    }

    /// <summary>The AWS engine over the given credentials (the chain in production; tests may pass their own source).</summary>
    public AwsPolicyCheckEngine Create(AwsEngineOptions options, IAwsCredentialSource credentials, AwsEndpointResolver? endpoints = null)
    {
        endpoints ??= new AwsEndpointResolver(ResolveRegion(options, credentials as AwsCredentialChain).Region, options.Fips, options.EndpointUrl, _environment);
        IAwsResponseCache cache = options.UseCache
            ? new FileAwsResponseCache(options.CacheDirectory ?? FileAwsResponseCache.DefaultDirectory(_environment))
            : NoAwsResponseCache.Instance;
        var settings = new AwsTransportSettings
        {
            MaxConcurrency = options.MaxConcurrency,
            MaxCalls = options.MaxAwsCalls,
            AttemptTimeout = options.AttemptTimeout,
            Retry = options.Retry,
        };
        return new AwsPolicyCheckEngine(new AwsServiceTransport(endpoints, credentials, cache, settings, clock, jitter));
    }

    /// <summary>The option, then AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then us-east-1 (the checks are stateless, any region answers).</summary>
    private (AwsRegion Region, string Source) ResolveRegion(AwsEngineOptions options, AwsCredentialChain? chain)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return (AwsRegion.Parse(options.Region), "region option");
        }

        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (_environment(variable) is { Length: > 0 } value)
            {
                return AwsRegion.TryParse(value, out var fromEnvironment)
                    ? (fromEnvironment, variable)
                    : throw new ArgumentException($"{variable} (\"{value}\") is not an AWS region name");
            }
        }

        if (chain?.ProfileRegion() is { Length: > 0 } profileRegion && AwsRegion.TryParse(profileRegion, out var fromProfile))
        {
            return (fromProfile, "profile region");
        }

        return (AwsRegion.Parse(DefaultRegion), "default region");
    }
}
