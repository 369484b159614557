using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class PatternNeverMatchesRule : IRule<EventPatternSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4016",
        "PatternNeverMatches",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "A field of the pattern can never be satisfied, so the rule never fires.",
        "Some fields cannot match any event: a value list of the wrong JSON type (the account is a 12-digit string, so [123456789012] never matches; a boolean field never matches the string \"false\"), a value list on an object such as detail, a value or exists:true on a path the same pattern treats as an object, a numeric range that contains no number, or resources on CloudTrail API calls, whose resources list is empty. EventBridge accepts such patterns without complaint.",
        new RuleHelp(
            "Match the type events carry, and match fields inside objects rather than the objects themselves.",
            """{ "account": [ 123456789012 ], "detail": [ { "exists": true } ] }""",
            """{ "account": [ "123456789012" ], "detail": { "status": [ { "exists": true } ] } }"""))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context) =>
        PatternIssueReport.Run(Rule, subject, context, NeverMatchCheck.Find);
}
