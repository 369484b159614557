using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.EventBridge.Matching;
using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class ReadOnlyEventsNotDeliveredRule : IRule<EventRuleSubject>
{
    /// <summary>Read-only STS calls EventBridge delivers anyway.</summary>
    private static readonly HashSet<string> AlwaysDelivered = new(["GetFederationToken", "GetSessionToken"], StringComparer.Ordinal);

    public static readonly RuleDescriptor Rule = new(
        "PG4028",
        "ReadOnlyEventsNotDelivered",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "The rule waits for read-only CloudTrail API calls, which its State does not receive.",
        "EventBridge delivers CloudTrail API calls whose names start with Get, List or Describe (read-only management events) only to rules whose State is ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (STS GetFederationToken and GetSessionToken excepted). With State ENABLED those parts of the pattern never match.",
        new RuleHelp(
            "Set State to ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, or drop the read-only names.",
            """
            State: ENABLED
            EventPattern: { detail-type: [AWS API Call via CloudTrail], detail: { eventName: [GetSecretValue] } }
            """,
            """
            State: ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS
            EventPattern: { detail-type: [AWS API Call via CloudTrail], detail: { eventName: [GetSecretValue] } }
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "correctness", "cloudtrail"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        var cloudTrail = EventSourceCatalog.BuiltIn.CloudTrail;
        var state = RuleTargets.Text(subject.Properties["State"]) ?? "ENABLED";
        if (state == cloudTrail.ReadOnlyDeliveryState || subject.Properties["State"] is { } s && RuleTargets.Text(s) is null
            || subject.Pattern is null || PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern)
        {
            return;
        }

        foreach (var rule in pattern.SubRules)
        {
            var detailType = rule.Conditions.FirstOrDefault(c => c.Path == "detail-type");
            var eventName = rule.Conditions.FirstOrDefault(c => c.Path == "detail.eventName");
            if (detailType is null || eventName is null || !PatternScope.AcceptsString(detailType, "AWS API Call via CloudTrail"))
            {
                continue;
            }

            foreach (var matcher in eventName.Matchers)
            {
                var name = matcher switch
                {
                    ExactStringMatcher e => e.Value,
                    PrefixMatcher p => p.Prefix,
                    _ => null,
                };
                if (name is not null && IsReadOnly(name, cloudTrail.ReadOnlyEventNamePrefixes, matcher is PrefixMatcher) && !AlwaysDelivered.Contains(name))
                {
                    context.Report(Rule, matcher.Source, $"{matcher} names read-only API calls, which EventBridge delivers only to rules in state {cloudTrail.ReadOnlyDeliveryState}; this rule is {state}, so they never match");
                }
            }
        }
    }

    /// <summary>Get*, List*, Describe* names (a prefix may be just "Get").</summary>
    private static bool IsReadOnly(string name, IEnumerable<string> prefixes, bool isPrefix) =>
        prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal) && (name.Length > p.Length ? char.IsUpper(name[p.Length]) : isPrefix));
}
