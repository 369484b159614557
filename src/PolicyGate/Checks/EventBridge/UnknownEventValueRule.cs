using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class UnknownEventValueRule : IRule<EventPatternSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4011",
        "UnknownEventValue",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "The pattern expects a value the event source never emits.",
        "PolicyGate knows what several AWS sources emit (rules/event-sources): IAM Access Analyzer's three detail-types and its finding and access-preview status values, finding types and resource types; CloudTrail's detail-types and the host names AWS services use in eventSource; IAM and IAM Identity Center sources. A value outside that knowledge never matches, so the rule stays silent forever: for example a host name mangled by a proxy (iam.amazonaws.com.rproxy.goskope.com) or a detail-type of another source.",
        new RuleHelp(
            "Use the values the source emits; the message lists them. Sample events in the repository, tested with events tests in policygate.yaml, catch the rest.",
            """{ "source": [ "aws.iam" ], "detail-type": [ "AWS API Call via CloudTrail" ], "detail": { "eventSource": [ "iam.amazonaws.com.rproxy.goskope.com" ] } }""",
            """{ "source": [ "aws.iam" ], "detail-type": [ "AWS API Call via CloudTrail" ], "detail": { "eventSource": [ "iam.amazonaws.com" ] } }"""))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context) =>
        PatternIssueReport.Run(Rule, subject, context, (p, c) => KnownValueCheck.Find(p, c).Where(i => i.Kind == PatternIssueKind.UnknownValue));
}
