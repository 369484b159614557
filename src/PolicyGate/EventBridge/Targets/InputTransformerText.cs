using System.Text;
using System.Text.RegularExpressions;
using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Targets;

/// <summary>A &lt;name&gt; placeholder in an input template, with its position in the template text.</summary>
public sealed record InputPlaceholder(string Name, int Index, int Length);

/// <summary>
/// The text rules of EventBridge input transformers: placeholders in InputTemplate, the JSON paths of
/// InputPathsMap and InputPath, and the limits of the API (100 paths, keys of letters, digits, '_' and
/// '-' up to 256 characters, paths up to 256, templates up to 8192).
/// </summary>
public static partial class InputTransformerText
{
    public const int MaxPaths = 100;
    public const int MaxKeyLength = 256;
    public const int MaxPathLength = 256;
    public const int MaxTemplateLength = 8192;

    /// <summary>Variables EventBridge defines itself; they need no InputPathsMap entry.</summary>
    public static readonly IReadOnlySet<string> Predefined = new HashSet<string>(
        ["aws.events.rule-arn", "aws.events.rule-name", "aws.events.event.ingestion-time", "aws.events.event", "aws.events.event.json"],
        StringComparer.Ordinal);

    public static IReadOnlyList<InputPlaceholder> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => new InputPlaceholder(m.Groups[1].Value, m.Index, m.Length)).ToList();

    public static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && KeyPattern().IsMatch(key);

    /// <summary>Null when the JSON path is one EventBridge accepts, else why not.</summary>
    public static string? CheckPath(string path)
    {
        if (path.Length > MaxPathLength)
        {
            return $"is {path.Length} characters; paths are at most {MaxPathLength}";
        }

        if (!path.StartsWith('$'))
        {
            return "must start with \"$\" (for example \"$.detail.eventName\")";
        }

        if (path.Contains('[', StringComparison.Ordinal))
        {
            return "uses bracket notation; EventBridge accepts JSON dot notation only (\"$.detail.x\")";
        }

        return PathPattern().IsMatch(path) ? null : "is not a JSON path in dot notation (\"$\" followed by \".field\" steps, none empty)";
    }

    /// <summary>
    /// For a template that is a JSON object: null when it is valid JSON once every placeholder is
    /// replaced by a value, else why not. Placeholders may not be used as object keys.
    /// </summary>
    public static string? CheckObjectTemplate(string template)
    {
        var text = new StringBuilder(template.Length);
        var inString = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && inString && i + 1 < template.Length)
            {
                text.Append(c).Append(template[i + 1]);
                i++;
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }

            var match = c == '<' ? PlaceholderPattern().Match(template, i) : null;
            if (match is { Success: true } && match.Index == i)
            {
                if (inString && IsKey(template, i, match.Length))
                {
                    return $"the placeholder {match.Value} is used as an object key, which EventBridge does not allow";
                }

                text.Append(inString ? "x" : "0");
                i += match.Length - 1;
                continue;
            }

            text.Append(c);
        }

        var file = new SourceFile("InputTemplate", "InputTemplate", text.ToString());
        var parsed = JsonDocumentParser.Parse(file, text.ToString());
        var error = parsed.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticKind.SyntaxError);
        return error is null ? null : $"it is not valid JSON once its placeholders are filled in: {error.Message}";
    }

    /// <summary>True when a placeholder fills a whole quoted string that is followed by ':'.</summary>
    private static bool IsKey(string template, int start, int length)
    {
        if (start == 0 || template[start - 1] != '"' || start + length >= template.Length || template[start + length] != '"')
        {
            return false;
        }

        var next = start + length + 1;
        while (next < template.Length && char.IsWhiteSpace(template[next]))
        {
            next++;
        }

        return next < template.Length && template[next] == ':';
    }

    [GeneratedRegex("<([A-Za-z0-9_\\-.]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("^[A-Za-z0-9_\\-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^\\$(\\.[^.\\[\\]]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
