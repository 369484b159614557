using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class PatternMatchesEverythingRule : IRule<EventPatternSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4017",
        "PatternMatchesEverything",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "Every event on the bus matches this pattern.",
        "Each field of the pattern (or of one of its $or combinations) accepts any value of an envelope field that every event has: {\"prefix\": \"\"}, {\"suffix\": \"\"}, {\"wildcard\": \"*\"} or {\"exists\": true} on source, detail-type, account, region, time, id or version. The rule then fires for every event, which floods targets and can loop when a target emits events itself.",
        new RuleHelp(
            "Name the sources and detail-types the rule is for.",
            """{ "source": [ { "prefix": "" } ] }""",
            """{ "source": [ "aws.access-analyzer" ], "detail-type": [ "Access Analyzer Finding" ] }"""))
    {
        Tags = ["eventbridge", "cost"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        if (PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern || BroadPatternCheck.MatchesEverything(pattern) is not { } rule)
        {
            return;
        }

        var fields = string.Join(", ", rule.Conditions.Select(c => c.ToString()));
        context.Report(Rule, subject.Pattern, $"every event matches this pattern: {fields} accept{(rule.Conditions.Length == 1 ? "s" : string.Empty)} any value of a field every event has");
    }
}
