using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class InvalidRuleStateRule : IRule<EventRuleSubject>
{
    public static readonly IReadOnlyList<string> States = ["ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"];

    public static readonly RuleDescriptor Rule = new(
        "PG4025",
        "InvalidRuleState",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "A rule's State is not one EventBridge accepts, or the rule has neither a pattern nor a schedule.",
        "State is ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, in upper case. A rule needs an EventPattern or a ScheduleExpression (or both on the default bus).",
        new RuleHelp(
            "Use one of the three states.",
            "State: enabled",
            "State: ENABLED",
            "yaml"))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        var state = subject.Properties["State"];
        if (RuleTargets.Text(state) is { } text && !States.Contains(text, StringComparer.Ordinal))
        {
            var cased = States.FirstOrDefault(s => s.Equals(text, StringComparison.OrdinalIgnoreCase));
            context.Report(Rule, state!, cased is null
                ? $"State \"{text}\" is not one of {string.Join(", ", States)}"
                : $"State \"{text}\" must be written \"{cased}\" (states are upper case)");
        }

        if (subject.Pattern is null && !subject.Properties.Has("EventPattern") && !subject.Properties.Has("Pattern") && !subject.Properties.Has("ScheduleExpression") && !subject.Properties.Has("Schedule"))
        {
            context.Report(Rule, subject.Properties, "the rule has neither an EventPattern nor a ScheduleExpression, so it can never fire");
        }
    }
}
