using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class EventValueCaseMismatchRule : IRule<EventPatternSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4012",
        "EventValueCaseMismatch",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "A pattern value differs from what events carry only in letter case.",
        "EventBridge compares values byte for byte. Access Analyzer findings carry \"ACTIVE\", not \"Active\"; AWS sources are lower case (aws.ec2, not aws.EC2); CloudTrail's detail-type is exactly \"AWS API Call via CloudTrail\". A value in another case never matches.",
        new RuleHelp(
            "Write the value exactly as events carry it. Use {\"equals-ignore-case\": ...} only where the case genuinely varies.",
            """{ "source": [ "aws.access-analyzer" ], "detail": { "status": [ "Active" ] } }""",
            """{ "source": [ "aws.access-analyzer" ], "detail": { "status": [ "ACTIVE" ] } }"""))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context) =>
        PatternIssueReport.Run(Rule, subject, context, (p, c) => KnownValueCheck.Find(p, c).Where(i => i.Kind == PatternIssueKind.CaseMismatch));
}
