namespace PolicyGate.AccessAnalyzer;

/// <summary>The two services the AWS engine calls, with the names the SDKs use for their endpoint variables.</summary>
public enum AwsService
{
    AccessAnalyzer,
    Iam,
}

/// <summary>Where a service's requests go and how they are signed; <see cref="Source"/> says why (for messages).</summary>
public sealed record AwsServiceEndpoint(Uri BaseUri, string SigningRegion, string SigningName, string Source);

/// <summary>
/// Resolves service endpoints the way the AWS SDKs do: an explicit endpoint URL first, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c> (both ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true), then the partition's standard or FIPS host.
/// Plain http is accepted for loopback hosts only: a session token travels in a header.
/// </summary>
public sealed class AwsEndpointResolver(AwsRegion region, bool useFips, string? explicitEndpointUrl, Func<string, string?> environment)
{
    public AwsRegion Region => region;

    public AwsServiceEndpoint Resolve(AwsService service) => Resolve(service, region.Partition);

    /// <summary>IAM is global per partition; a reference ARN names its partition, which may differ from the region's.</summary>
    public AwsServiceEndpoint Resolve(AwsService service, AwsPartition partition)
    {
        var signingName = service == AwsService.AccessAnalyzer ? "access-analyzer" : "iam";
        var signingRegion = service == AwsService.AccessAnalyzer ? region.Name : partition.IamSigningRegion;
        if (Configured(service) is (var url, var source))
        {
            return new AwsServiceEndpoint(ParseEndpoint(url, source), signingRegion, signingName, source);
        }

        var host = service switch
        {
            AwsService.AccessAnalyzer when useFips && partition.AccessAnalyzerHasFipsHosts => $"access-analyzer-fips.{region.Name}.{partition.DnsSuffix}",
            AwsService.AccessAnalyzer => $"access-analyzer.{region.Name}.{partition.DnsSuffix}",
            _ => useFips ? partition.IamFipsHost : partition.IamHost,
        };
        return new AwsServiceEndpoint(new Uri($"https://{host}/"), signingRegion, signingName, useFips ? $"{partition.Id} FIPS endpoint" : $"{partition.Id} endpoint");
    }

    public static string EnvironmentVariableFor(AwsService service) =>
        service == AwsService.AccessAnalyzer ? "AWS_ENDPOINT_URL_ACCESSANALYZER" : "AWS_ENDPOINT_URL_IAM";

    private (string Url, string Source)? Configured(AwsService service)
    {
        if (!string.IsNullOrWhiteSpace(explicitEndpointUrl))
        {
            return (explicitEndpointUrl, "endpoint-url option");
        }

        if (string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var serviceVariable = EnvironmentVariableFor(service);
        if (environment(serviceVariable) is { Length: > 0 } serviceUrl)
        {
            return (serviceUrl, serviceVariable);
        }

        return environment("AWS_ENDPOINT_URL") is { Length: > 0 } globalUrl ? (globalUrl, "AWS_ENDPOINT_URL") : null;
    }

    private static Uri ParseEndpoint(string url, string source)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"the endpoint URL from {source} (\"{url}\") is not an absolute http(s) URL");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new ArgumentException($"the endpoint URL from {source} (\"{url}\") uses plain http to a non-loopback host; use https");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"the endpoint URL from {source} (\"{url}\") must not carry a query, fragment or user information");
        }

        // Request paths are appended to the endpoint's path, as the SDKs do for a custom endpoint with a path.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }
}
