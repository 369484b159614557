using PolicyGate.EventBridge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class InvalidEventPatternRule : IRule<EventPatternSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4000",
        "InvalidEventPattern",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "EventBridge rejects this event pattern.",
        "The pattern breaks EventBridge's pattern grammar or limits: a value that is not in a list, an empty object or list, an unknown or misspelled operator, an operator argument of the wrong type, a malformed $or, a wildcard that is too complex, or a pattern too large. PutRule and TestEventPattern reject it with the reason shown, so the rule cannot be deployed.",
        new RuleHelp(
            "Put every value in a list and use the operators exactly as documented (they are case-sensitive). The message is EventBridge's own reason.",
            """{ "source": "aws.access-analyzer", "detail": { "status": [ { "contains": "ACT" } ] } }""",
            """{ "source": [ "aws.access-analyzer" ], "detail": { "status": [ { "prefix": "ACT" } ] } }"""))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        foreach (var error in PatternCompiler.Compile(subject.Pattern).Errors)
        {
            context.Sink.Report(Rule, error.Location, $"{error.ServiceMessage}");
        }
    }
}
