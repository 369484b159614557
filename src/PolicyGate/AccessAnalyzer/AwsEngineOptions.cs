using PolicyGate.Config;

namespace PolicyGate.AccessAnalyzer;

/// <summary>What the command line can say about the AWS engine (null: not given, the configuration decides).</summary>
public sealed record AwsCommandLineOptions
{
    public string? Region { get; init; }

    public string? Profile { get; init; }

    public string? EndpointUrl { get; init; }

    public bool NoCache { get; init; }

    public int? MaxAwsCalls { get; init; }
}

/// <summary>Everything the AWS engine is built from: configuration merged with the command line (which wins).</summary>
public sealed record AwsEngineOptions
{
    public string? Region { get; init; }

    public string? Profile { get; init; }

    /// <summary>A shared credentials file to read the profile from instead of the SDK's default location (tests, unusual setups).</summary>
    public string? SharedCredentialsFile { get; init; }

    public string? EndpointUrl { get; init; }

    public bool Fips { get; init; }

    /// <summary>Null: the user's cache directory.</summary>
    public string? CacheDirectory { get; init; }

    public bool UseCache { get; init; } = true;

    public int MaxConcurrency { get; init; } = 4;

    public int? MaxAwsCalls { get; init; }

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    public static AwsEngineOptions From(AwsSettings settings, AwsCommandLineOptions commandLine) => new()
    {
        Region = commandLine.Region ?? settings.Region,
        Profile = commandLine.Profile ?? settings.Profile,
        EndpointUrl = commandLine.EndpointUrl ?? settings.EndpointUrl,
        Fips = settings.Fips,
        CacheDirectory = settings.CacheDirectory,
        UseCache = !(commandLine.NoCache || settings.NoCache),
        MaxConcurrency = settings.MaxConcurrency,
        MaxAwsCalls = commandLine.MaxAwsCalls ?? settings.MaxAwsCalls,
    };
}
