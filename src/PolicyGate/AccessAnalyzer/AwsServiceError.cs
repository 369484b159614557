using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace PolicyGate.AccessAnalyzer;

/// <summary>An error answer from a service, decoded from either protocol, and whether it is worth retrying.</summary>
public sealed record AwsServiceError(int Status, string Code, string Message, TimeSpan? RetryAfter)
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "SlowDown", "TransactionInProgressException", "EC2ThrottledException",
    };

    public bool IsThrottling => Status == 429 || ThrottlingCodes.Contains(Code);

    /// <summary>Throttling, server faults and the model's retryable UnprocessableEntityException.</summary>
    public bool IsRetryable => IsThrottling || Status >= 500 || Code == "UnprocessableEntityException";

    public override string ToString() => $"{Code} (HTTP {Status}){(Message.Length > 0 ? ": " + Message : string.Empty)}";

    public static AwsServiceError Decode(HttpStatusCode status, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        string? headerCode = null;
        TimeSpan? retryAfter = null;
        foreach (var (name, values) in headers)
        {
            var value = values.FirstOrDefault();
            if (name.Equals("X-Amzn-ErrorType", StringComparison.OrdinalIgnoreCase))
            {
                headerCode = value;
            }
            else if (name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                retryAfter = ParseRetryAfter(value, now);
            }
        }

        var (bodyCode, message) = body.TrimStart(" \t\r\n"u8).StartsWith("<"u8) ? FromXml(body) : FromJson(body);
        var code = Clean(headerCode) ?? Clean(bodyCode) ?? $"HTTP{(int)status}";
        return new AwsServiceError((int)status, code, Printable(message ?? string.Empty), retryAfter);
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date; anything else is ignored.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 86400 * 7)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    /// <summary>"aws.protocoltests#ThrottlingException:http://..." → "ThrottlingException".</summary>
    private static string? Clean(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var text = code.Trim();
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            text = text[..colon];
        }

        var hash = text.LastIndexOf('#');
        text = hash >= 0 ? text[(hash + 1)..] : text;
        return text.Length == 0 ? null : Printable(text);
    }

    private static (string? Code, string? Message) FromJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? Text(params string[] names) =>
                names.Select(n => document.RootElement.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                    .FirstOrDefault(v => v is not null);

            return (Text("__type", "code", "Code"), Text("message", "Message"));
        }
        catch (JsonException)
        {
            return (null, Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)]));
        }
    }

    private static (string? Code, string? Message) FromXml(ReadOnlySpan<byte> body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray()), AwsXml.ReaderSettings());
            string? code = null;
            string? message = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "Code" && code is null)
                {
                    code = reader.ReadElementContentAsString();
                }
                else if (reader.LocalName == "Message" && message is null)
                {
                    message = reader.ReadElementContentAsString();
                }
            }

            return (code, message);
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }

    /// <summary>Server text goes into messages: one line, printable, bounded.</summary>
    private static string Printable(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 300));
        foreach (var c in text)
        {
            if (builder.Length >= 300)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
