using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// The request bodies of Access Analyzer's rest-json operations, written member by member in a fixed order so
/// the same check always produces the same bytes (they are signed, and they key the cache). Policy documents
/// travel as JSON strings inside the JSON body.
/// </summary>
public static class AccessAnalyzerRequests
{
    public const string JsonContentType = "application/json";

    public static AwsRequest CheckNoNewAccess(string newPolicy, string existingPolicy, CheckPolicyType type) =>
        Custom("CheckNoNewAccess", "/policy/check-no-new-access", w =>
        {
            w.WriteString("newPolicyDocument", newPolicy);
            w.WriteString("existingPolicyDocument", existingPolicy);
            w.WriteString("policyType", type.ToAccessAnalyzer());
        });

    /// <summary>One call's worth: at most 100 actions and 100 resources (the model's limits); empty lists are left out.</summary>
    public static AwsRequest CheckAccessNotGranted(string policy, IReadOnlyList<string> actions, IReadOnlyList<string> resources, CheckPolicyType type)
    {
        if (actions.Count > AccessAnalyzerLimits.MaxAccessEntries || resources.Count > AccessAnalyzerLimits.MaxAccessEntries)
        {
            throw new ArgumentException($"one CheckAccessNotGranted call takes at most {AccessAnalyzerLimits.MaxAccessEntries} actions and {AccessAnalyzerLimits.MaxAccessEntries} resources");
        }

        return Custom("CheckAccessNotGranted", "/policy/check-access-not-granted", w =>
        {
            w.WriteString("policyDocument", policy);
            w.WriteStartArray("access");
            w.WriteStartObject();
            if (actions.Count > 0)
            {
                WriteStrings(w, "actions", actions);
            }

            if (resources.Count > 0)
            {
                WriteStrings(w, "resources", resources);
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("policyType", type.ToAccessAnalyzer());
        });
    }

    public static AwsRequest CheckNoPublicAccess(string policy, string resourceType) =>
        Custom("CheckNoPublicAccess", "/policy/check-no-public-access", w =>
        {
            w.WriteString("policyDocument", policy);
            w.WriteString("resourceType", resourceType);
        });

    /// <summary>One page of ValidatePolicy; <paramref name="nextToken"/> continues a previous page. Findings are asked for in English.</summary>
    public static AwsRequest ValidatePolicy(string policy, ValidatePolicyType type, string? resourceType, string? nextToken)
    {
        var path = nextToken is null ? "/policy/validation" : "/policy/validation?nextToken=" + AwsRequestSigner.Encode(nextToken);
        var body = Write(w =>
        {
            w.WriteString("locale", "EN");
            w.WriteString("policyDocument", policy);
            w.WriteString("policyType", type.ToAccessAnalyzer());
            if (resourceType is not null)
            {
                w.WriteString("validatePolicyResourceType", resourceType);
            }
        });
        return new AwsRequest(AwsService.AccessAnalyzer, "ValidatePolicy", path, JsonContentType, body) { Cacheable = true };
    }

    private static AwsRequest Custom(string operation, string path, Action<Utf8JsonWriter> members) =>
        new(AwsService.AccessAnalyzer, operation, path, JsonContentType, Write(members)) { Cacheable = true, Billed = true };

    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Minimal escaping: the body is JSON for a service, not HTML, and a policy's quotes stay \" rather than \u0022.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
