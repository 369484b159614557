using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Matching;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class LiteralWildcardCharacterRule : IRule<EventPatternSubject>
{
    private static readonly string[] Operators = ["prefix", "suffix", "wildcard", "anything-but", "equals-ignore-case", "numeric", "exists", "cidr"];

    public static readonly RuleDescriptor Rule = new(
        "PG4010",
        "LiteralWildcardCharacter",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "A string with '*' in a value list is an exact match, not a wildcard.",
        "EventBridge compares a plain string character by character, so \"Put*Policy\" matches only the literal text Put*Policy and never PutRolePolicy. Wildcards work only inside {\"wildcard\": ...}; prefixes and suffixes have their own operators. The same happens when a tool writes a match expression as text (\"{ \\\"wildcard\\\": ... }\") inside the list. An IAM change-alert pattern published with such values matched nothing until it was rewritten with prefix.",
        new RuleHelp(
            "Use {\"prefix\": \"Put\"} for a trailing star, {\"suffix\": ...} for a leading one, or {\"wildcard\": \"Put*Policy\"} otherwise.",
            """{ "source": [ "aws.iam" ], "detail": { "eventName": [ "Put*Policy", "Attach*" ] } }""",
            """{ "source": [ "aws.iam" ], "detail": { "eventName": [ { "wildcard": "Put*Policy" }, { "prefix": "Attach" } ] } }"""))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        if (PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern)
        {
            return;
        }

        foreach (var condition in pattern.Conditions)
        {
            foreach (var exact in condition.Matchers.OfType<ExactStringMatcher>())
            {
                if (exact.Source is not ScalarNode)
                {
                    continue;
                }

                if (LooksLikeExpression(exact.Value) is { } op)
                {
                    context.Report(Rule, exact.Source, $"{JsonText.Quote(exact.Value)} at {condition.Path} is the text of a {op} expression inside a string, so EventBridge compares it as plain text; write the expression as an object");
                }
                else if (exact.Value.Contains('*', StringComparison.Ordinal))
                {
                    context.Report(Rule, exact.Source, $"{JsonText.Quote(exact.Value)} at {condition.Path} is an exact match: '*' is an ordinary character outside the wildcard operator; use {Suggest(exact.Value)}");
                }
            }
        }
    }

    private static string Suggest(string value)
    {
        var stars = value.Count(c => c == '*');
        if (stars == 1 && value.EndsWith('*') && value.Length > 1)
        {
            return $"{{\"prefix\": {JsonText.Quote(value[..^1])}}}";
        }

        if (stars == 1 && value.StartsWith('*') && value.Length > 1)
        {
            return $"{{\"suffix\": {JsonText.Quote(value[1..])}}}";
        }

        var escaped = string.Join("*", value.Split('*').Select(part => part.Replace("\\", "\\\\", StringComparison.Ordinal)));
        return WildcardText.Parse(escaped, out _) is null
            ? "the wildcard operator (with each run of stars reduced to one)"
            : $"{{\"wildcard\": {JsonText.Quote(escaped)}}}";
    }

    private static string? LooksLikeExpression(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.StartsWith('{') || !trimmed.EndsWith('}'))
        {
            return null;
        }

        return Operators.FirstOrDefault(op => trimmed.Contains($"\"{op}\"", StringComparison.Ordinal));
    }
}
