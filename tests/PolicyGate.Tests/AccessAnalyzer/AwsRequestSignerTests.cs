using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Tests.AccessAnalyzer;

public class AwsRequestSignerTests
{
    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors().EnumerateArray())
        {
            data.Add(vector.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Signs_exactly_as_botocore_does(string name)
    {
        var vector = Vectors().EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        string S(string key) => vector.GetProperty(key).GetString()!;
        var uri = new Uri(S("url"));
        var credentials = new AwsSigningCredentials(S("accessKey"), S("secretKey"), vector.GetProperty("token").ValueKind == JsonValueKind.Null ? null : S("token"));
        var endpoint = new AwsServiceEndpoint(new Uri(uri.GetLeftPart(UriPartial.Authority)), S("region"), S("service"), "vector");
        var time = DateTimeOffset.ParseExact(S("time"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        var signed = AwsRequestSigner.Sign("POST", uri, S("contentType"), Encoding.UTF8.GetBytes(S("body")), endpoint, credentials, time);

        var headers = signed.Headers.ToDictionary(h => h.Key, h => h.Value);
        headers["Authorization"].ShouldBe(S("authorization"));
        headers["X-Amz-Date"].ShouldBe(S("amzDate"));
        headers.ContainsKey("X-Amz-Security-Token").ShouldBe(credentials.HasSessionToken);
    }

    [Fact]
    public void Canonical_request_matches_botocore_for_a_query_string()
    {
        var vector = Vectors().EnumerateArray().Single(v => v.GetProperty("url").GetString()!.Contains('?'));
        var uri = new Uri(vector.GetProperty("url").GetString()!);
        var headers = new Dictionary<string, string>
        {
            ["content-type"] = vector.GetProperty("contentType").GetString()!,
            ["host"] = uri.Authority,
            ["x-amz-date"] = vector.GetProperty("amzDate").GetString()!,
        };

        var canonical = AwsRequestSigner.CanonicalRequest("POST", uri, headers, "content-type;host;x-amz-date", Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!));

        canonical.ShouldBe(vector.GetProperty("canonicalRequest").GetString());
    }

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a b", "a%20b")]
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess")]
    [InlineData("~-_.", "~-_.")]
    [InlineData("+=&é", "%2B%3D%26%C3%A9")]
    public void Encodes_as_rfc3986(string value, string expected) => AwsRequestSigner.Encode(value).ShouldBe(expected);

    [Fact]
    public void Credentials_never_print_their_secret_or_token()
    {
        var credentials = new AwsSigningCredentials(AwsTestKit.AccessKeyId, AwsTestKit.SecretAccessKey, AwsTestKit.SessionToken);

        var text = $"{credentials}";

        text.ShouldNotContain(AwsTestKit.SecretAccessKey);
        text.ShouldNotContain(AwsTestKit.SessionToken);
        text.ShouldNotContain(AwsTestKit.AccessKeyId);
        text.ShouldContain("T01");
    }

    private static JsonElement Vectors() =>
        JsonDocument.Parse(File.ReadAllText(AwsTestKit.TestData("sigv4-vectors.json"))).RootElement.GetProperty("vectors");
}
