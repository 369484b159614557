using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class PatternWithoutSourceRule : IRule<EventPatternSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4018",
        "PatternWithoutSource",
        RuleArea.EventBridge,
        FindingLevel.Note,
        "The pattern names neither a source nor a detail-type.",
        "Without source or detail-type, a pattern matches events from every source on the bus whose other fields happen to fit, including events other teams or services add later. EventBridge's best practices recommend naming both.",
        new RuleHelp(
            "Add source (and detail-type) to the pattern.",
            """{ "detail": { "status": [ "ACTIVE" ] } }""",
            """{ "source": [ "aws.access-analyzer" ], "detail-type": [ "Access Analyzer Finding" ], "detail": { "status": [ "ACTIVE" ] } }"""))
    {
        Tags = ["eventbridge", "maintainability"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        if (PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern
            || BroadPatternCheck.MatchesEverything(pattern) is not null
            || BroadPatternCheck.WithoutSource(pattern) is not { } rule)
        {
            return;
        }

        var which = pattern.SubRules.Length > 1 ? "one $or combination of the pattern" : "the pattern";
        context.Report(Rule, subject.Pattern, $"{which} ({string.Join(", ", rule.Conditions.Select(c => c.Path))}) names no source and no detail-type, so it matches any source's events that have these fields");
    }
}
