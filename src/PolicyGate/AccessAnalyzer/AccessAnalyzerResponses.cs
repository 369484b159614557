using System.Collections.Immutable;
using System.Text.Json;

namespace PolicyGate.AccessAnalyzer;

/// <summary>One page of ValidatePolicy findings and the token of the next page, if any.</summary>
public sealed record ValidatePolicyPage(ImmutableArray<ValidationFinding> Findings, string? NextToken);

/// <summary>
/// Reads Access Analyzer's answers strictly against the service model: a missing required member, a value
/// outside an enumeration or a member of the wrong type makes the answer malformed (and the check
/// unavailable), so nothing half-read can turn into a PASS. Members the model does not name are ignored.
/// </summary>
public static class AccessAnalyzerResponses
{
    public const string EngineName = "aws";

    public static PolicyCheckResult ParseCheck(byte[] body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        var verdict = RequiredString(root, "result") switch
        {
            "PASS" => CheckVerdict.Pass,
            "FAIL" => CheckVerdict.Fail,
            var other => throw new AwsMalformedResponseException($"\"result\" is \"{other}\", not PASS or FAIL"),
        };
        var message = OptionalString(root, "message") ?? string.Empty;
        var reasons = ImmutableArray.CreateBuilder<CheckReason>();
        foreach (var reason in OptionalArray(root, "reasons"))
        {
            if (reason.ValueKind != JsonValueKind.Object)
            {
                throw new AwsMalformedResponseException("an entry of \"reasons\" is not an object");
            }

            reasons.Add(new CheckReason(
                OptionalString(reason, "description") ?? string.Empty,
                OptionalIndex(reason, "statementIndex"),
                OptionalString(reason, "statementId")));
        }

        return new PolicyCheckResult(verdict, message, reasons.ToImmutable(), EngineName);
    }

    public static ValidatePolicyPage ParseValidatePolicy(byte[] body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
        {
            throw new AwsMalformedResponseException("the required list \"findings\" is missing");
        }

        var list = ImmutableArray.CreateBuilder<ValidationFinding>();
        foreach (var finding in findings.EnumerateArray())
        {
            if (finding.ValueKind != JsonValueKind.Object)
            {
                throw new AwsMalformedResponseException("an entry of \"findings\" is not an object");
            }

            var type = RequiredString(finding, "findingType") switch
            {
                "ERROR" => ValidationFindingType.Error,
                "SECURITY_WARNING" => ValidationFindingType.SecurityWarning,
                "WARNING" => ValidationFindingType.Warning,
                "SUGGESTION" => ValidationFindingType.Suggestion,
                var other => throw new AwsMalformedResponseException($"\"findingType\" is \"{other}\", not one the model defines"),
            };
            if (!finding.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array)
            {
                throw new AwsMalformedResponseException("a finding has no \"locations\" list");
            }

            list.Add(new ValidationFinding(
                type,
                RequiredString(finding, "issueCode"),
                RequiredString(finding, "findingDetails"),
                RequiredString(finding, "learnMoreLink"),
                [.. locations.EnumerateArray().Select(ParseSpan)]));
        }

        var next = OptionalString(root, "nextToken");
        return new ValidatePolicyPage(list.ToImmutable(), string.IsNullOrEmpty(next) ? null : next);
    }

    private static PolicyTextSpan ParseSpan(JsonElement location)
    {
        if (location.ValueKind != JsonValueKind.Object || !location.TryGetProperty("span", out var span) || span.ValueKind != JsonValueKind.Object)
        {
            throw new AwsMalformedResponseException("a finding location has no \"span\"");
        }

        var (startLine, startColumn, startOffset) = Position(span, "start");
        var (endLine, endColumn, endOffset) = Position(span, "end");
        return new PolicyTextSpan(startLine, startColumn, startOffset, endLine, endColumn, endOffset) { Path = ParsePath(location) };
    }

    /// <summary>The location's path (Statement, 0, Action); a substring step is left out, so the path ends at the string that holds it.</summary>
    private static ImmutableArray<PolicyPathElement> ParsePath(JsonElement location)
    {
        if (!location.TryGetProperty("path", out var path) || path.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (path.ValueKind != JsonValueKind.Array)
        {
            throw new AwsMalformedResponseException("a finding location's \"path\" is not a list");
        }

        var steps = ImmutableArray.CreateBuilder<PolicyPathElement>();
        foreach (var step in path.EnumerateArray())
        {
            if (step.ValueKind != JsonValueKind.Object)
            {
                throw new AwsMalformedResponseException("an entry of a location's \"path\" is not an object");
            }

            if (OptionalIndex(step, "index") is { } index)
            {
                steps.Add(new PolicyPathElement(Index: index));
            }
            else if (OptionalString(step, "key") is { } key)
            {
                steps.Add(new PolicyPathElement(Key: key));
            }
            else if (OptionalString(step, "value") is { } value)
            {
                steps.Add(new PolicyPathElement(Value: value));
            }
        }

        return steps.ToImmutable();
    }

    private static (int Line, int Column, int Offset) Position(JsonElement span, string name)
    {
        if (!span.TryGetProperty(name, out var position) || position.ValueKind != JsonValueKind.Object)
        {
            throw new AwsMalformedResponseException($"a span has no \"{name}\" position");
        }

        int Required(string member) => OptionalIndex(position, member) ?? throw new AwsMalformedResponseException($"a position has no \"{member}\"");
        return (Required("line"), Required("column"), Required("offset"));
    }

    private static JsonDocument Parse(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new AwsMalformedResponseException("the body is not a JSON object");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new AwsMalformedResponseException($"the body is not valid JSON ({ex.Message})");
        }
    }

    private static string RequiredString(JsonElement element, string name) =>
        OptionalString(element, name) ?? throw new AwsMalformedResponseException($"the required member \"{name}\" is missing");

    private static string? OptionalString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new AwsMalformedResponseException($"\"{name}\" is not a string");
    }

    private static int? OptionalIndex(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0
            ? number
            : throw new AwsMalformedResponseException($"\"{name}\" is not a non-negative integer");
    }

    private static IEnumerable<JsonElement> OptionalArray(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw new AwsMalformedResponseException($"\"{name}\" is not a list");
    }
}
