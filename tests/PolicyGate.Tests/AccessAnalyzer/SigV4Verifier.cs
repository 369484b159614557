using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyGate.Tests.AccessAnalyzer;

/// <summary>
/// Recomputes a request's SigV4 signature from what arrived on the wire, with its own HMAC code (independent of
/// the signer under test), and says what is wrong, if anything.
/// </summary>
internal static partial class SigV4Verifier
{
    public static string? Problem(
        string method,
        string rawPathAndQuery,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        string secretKey,
        string expectedAccessKey,
        string? expectedToken,
        string expectedService,
        string expectedRegion)
    {
        if (!headers.TryGetValue("authorization", out var authorization))
        {
            return "no Authorization header";
        }

        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            return $"Authorization header is not SigV4: {authorization}";
        }

        var (accessKey, date, region, service) = (match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        if (accessKey != expectedAccessKey || service != expectedService || region != expectedRegion)
        {
            return $"credential scope {accessKey}/{region}/{service} is not {expectedAccessKey}/{expectedRegion}/{expectedService}";
        }

        if (!headers.TryGetValue("x-amz-date", out var amzDate) || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return "X-Amz-Date is missing or does not match the credential scope date";
        }

        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (Math.Abs((DateTime.UtcNow - signedAt).TotalMinutes) > 5)
        {
            return $"X-Amz-Date {amzDate} is more than five minutes off";
        }

        headers.TryGetValue("x-amz-security-token", out var token);
        if (token != expectedToken)
        {
            return "the session token header is missing or wrong";
        }

        var signedHeaders = match.Groups["signed"].Value.Split(';');
        foreach (var required in new[] { "host", "x-amz-date", "content-type" }.Concat(expectedToken is null ? [] : ["x-amz-security-token"]))
        {
            if (!signedHeaders.Contains(required))
            {
                return $"header {required} is not signed";
            }
        }

        var canonical = new StringBuilder();
        var queryStart = rawPathAndQuery.IndexOf('?');
        var path = queryStart < 0 ? rawPathAndQuery : rawPathAndQuery[..queryStart];
        var query = queryStart < 0 ? string.Empty : rawPathAndQuery[(queryStart + 1)..];
        canonical.Append(method).Append('\n');
        canonical.Append(string.Join('/', path.Split('/').Select(Encode))).Append('\n');
        canonical.Append(string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value))).Append('\n');
        foreach (var name in signedHeaders)
        {
            if (!headers.TryGetValue(name, out var value))
            {
                return $"signed header {name} did not arrive";
            }

            canonical.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        canonical.Append('\n').Append(match.Groups["signed"].Value).Append('\n');
        canonical.Append(Convert.ToHexStringLower(SHA256.HashData(body)));

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Convert.ToHexStringLower(Hmac(key, stringToSign));
        return expected == match.Groups["signature"].Value ? null : "the signature does not verify";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Encode(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b =>
            (char)b is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~'
                ? ((char)b).ToString()
                : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
