using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;

namespace PolicyGate.AccessAnalyzer;

/// <summary>The headers a signed request carries in addition to its own (Authorization, X-Amz-Date, the token).</summary>
public sealed record SignedHeaders(IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>
/// Signature Version 4 for the requests the engine sends: the canonical request is built here (it is small and
/// pinned by tests against botocore vectors), the signature itself comes from AWSSDK.Core's public signer.
/// </summary>
public static class AwsRequestSigner
{
    public const string DateHeader = "X-Amz-Date";
    public const string TokenHeader = "X-Amz-Security-Token";

    public static SignedHeaders Sign(
        string method,
        Uri uri,
        string contentType,
        ReadOnlySpan<byte> body,
        AwsServiceEndpoint endpoint,
        AwsSigningCredentials credentials,
        DateTimeOffset now)
    {
        var signedAt = now.UtcDateTime;
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = contentType,
            ["host"] = uri.Authority,
            ["x-amz-date"] = amzDate,
        };
        if (credentials.SessionToken is { } token)
        {
            headers["x-amz-security-token"] = token;
        }

        var signedHeaderNames = string.Join(';', headers.Keys);
        var canonical = CanonicalRequest(method, uri, headers, signedHeaderNames, body);
        var result = AWS4Signer.ComputeSignature(
            credentials.AccessKeyId,
            credentials.SecretAccessKey,
            endpoint.SigningRegion,
            signedAt,
            endpoint.SigningName,
            signedHeaderNames,
            canonical);

        List<KeyValuePair<string, string>> extra =
        [
            new("Authorization", result.ForAuthorizationHeader),
            new(DateHeader, amzDate),
        ];
        if (credentials.SessionToken is { } sessionToken)
        {
            extra.Add(new(TokenHeader, sessionToken));
        }

        return new SignedHeaders(extra);
    }

    /// <summary>The canonical request of SigV4 for a non-S3 service: path segments encoded twice, query sorted.</summary>
    public static string CanonicalRequest(string method, Uri uri, IReadOnlyDictionary<string, string> lowerCaseHeaders, string signedHeaderNames, ReadOnlySpan<byte> body)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalPath(uri.AbsolutePath)).Append('\n');
        builder.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in lowerCaseHeaders.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        builder.Append('\n').Append(signedHeaderNames).Append('\n');
        builder.Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        return builder.ToString();
    }

    /// <summary>RFC 3986 percent-encoding: everything but unreserved characters, upper-case hex.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string CanonicalPath(string absolutePath) =>
        absolutePath.Length == 0 ? "/" : string.Join('/', absolutePath.Split('/').Select(Encode));

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        return string.Join('&', query[1..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
                return (Name: Encode(name), Value: Encode(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }
}
