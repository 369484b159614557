using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class AwsEventsOnCustomBusRule : IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4027",
        "AwsEventsOnCustomBus",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "A rule on a custom event bus waits for AWS service events.",
        "AWS services send their events (aws.* sources, CloudTrail included) to the account's default event bus. A rule on a custom bus sees them only if another rule forwards them there, so on its own it never fires.",
        new RuleHelp(
            "Put the rule on the default bus, or add a rule on the default bus that targets the custom bus.",
            """
            EventBusName: security-bus
            EventPattern: { source: [aws.access-analyzer] }
            """,
            """
            EventPattern: { source: [aws.access-analyzer] }   # default bus
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        var busNode = subject.Properties["EventBusName"];
        if (RuleTargets.Text(busNode) is not { } bus || bus == "default" || bus.EndsWith(":event-bus/default", StringComparison.Ordinal)
            || subject.Pattern is null || PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern)
        {
            return;
        }

        var awsSources = pattern.SubRules
            .SelectMany(r => r.Conditions.Where(c => c.Path == "source"))
            .SelectMany(PatternScope.ExactStrings)
            .Select(v => v.Value)
            .Where(v => v.StartsWith("aws.", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (awsSources.Count > 0)
        {
            context.Report(Rule, busNode!, $"the rule listens on the custom bus \"{bus}\" for {string.Join(", ", awsSources)} events, which AWS sends only to the default bus; forward them from the default bus or move the rule there");
        }
    }
}
