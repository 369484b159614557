using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// IAM's query protocol: form-encoded requests (Action, Version, then the parameters) and XML answers whose
/// result sits in <c>&lt;{Op}Result&gt;</c>. Policy documents come back URL-encoded (RFC 3986) and are decoded here.
/// </summary>
public static class IamQuery
{
    public const string ApiVersion = "2010-05-08";
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public static AwsRequest Request(string operation, AwsPartition partition, params (string Name, string? Value)[] parameters)
    {
        var form = new StringBuilder("Action=").Append(operation).Append("&Version=").Append(ApiVersion);
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                form.Append('&').Append(name).Append('=').Append(AwsRequestSigner.Encode(value));
            }
        }

        return new AwsRequest(AwsService.Iam, operation, "/", FormContentType, Encoding.UTF8.GetBytes(form.ToString())) { Partition = partition };
    }

    /// <summary>The <c>{operation}Result</c> element of an answer; malformed when absent.</summary>
    public static XElement Result(byte[] body, string operation)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), AwsXml.ReaderSettings());
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new AwsMalformedResponseException($"the body is not valid XML ({ex.Message})");
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != operation + "Response")
        {
            throw new AwsMalformedResponseException($"the root element is not {operation}Response");
        }

        return Child(root, operation + "Result");
    }

    public static XElement Child(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)
        ?? throw new AwsMalformedResponseException($"<{parent.Name.LocalName}> has no <{name}>");

    public static string Text(XElement parent, string name) => Child(parent, name).Value;

    public static string? OptionalText(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>A URL-encoded policy document, decoded and checked to be JSON (IAM stores JSON only).</summary>
    public static string PolicyDocument(XElement parent, string name)
    {
        var encoded = Text(parent, name);
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(encoded);
        }
        catch (UriFormatException)
        {
            throw new AwsMalformedResponseException($"<{name}> is not URL-encoded text");
        }

        try
        {
            using var json = JsonDocument.Parse(decoded, new JsonDocumentOptions { MaxDepth = 64 });
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new AwsMalformedResponseException($"<{name}> is not a JSON object once decoded");
            }
        }
        catch (JsonException ex)
        {
            throw new AwsMalformedResponseException($"<{name}> is not JSON once decoded ({ex.Message})");
        }

        return decoded;
    }
}
