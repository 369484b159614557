using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>
/// The <c>aws</c> section of policygate.yaml: how the AWS engine reaches IAM Access Analyzer. Every key is
/// optional; the command line overrides each one.
/// </summary>
public sealed record AwsSettings
{
    public static AwsSettings Default { get; } = new();

    public string? Region { get; init; }

    public string? Profile { get; init; }

    public string? EndpointUrl { get; init; }

    public bool Fips { get; init; }

    /// <summary>Where answers are cached (default: the user's cache directory).</summary>
    public string? CacheDirectory { get; init; }

    public bool NoCache { get; init; }

    public int MaxConcurrency { get; init; } = 4;

    /// <summary>The most calls one run may send; null for no limit.</summary>
    public int? MaxAwsCalls { get; init; }

    /// <summary>Binds an <c>aws</c> section already validated against the schema.</summary>
    public static AwsSettings Bind(ObjectNode section)
    {
        string? Text(string key) => section[key] is ScalarNode { Kind: not ScalarKind.Null } s ? s.Value : null;
        bool Flag(string key) => string.Equals(Text(key), "true", StringComparison.OrdinalIgnoreCase);
        int? Number(string key) => int.TryParse(Text(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

        return new AwsSettings
        {
            Region = Text("region"),
            Profile = Text("profile"),
            EndpointUrl = Text("endpoint-url"),
            Fips = Flag("fips"),
            CacheDirectory = Text("cache-dir"),
            NoCache = Flag("no-cache"),
            MaxConcurrency = Number("max-concurrency") ?? Default.MaxConcurrency,
            MaxAwsCalls = Number("max-aws-calls"),
        };
    }
}
