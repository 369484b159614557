using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class EnabledRuleWithoutTargetsRule : IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4026",
        "EnabledRuleWithoutTargets",
        RuleArea.EventBridge,
        FindingLevel.Note,
        "An enabled rule has no targets.",
        "A rule without targets matches events and does nothing with them. Alerts wired this way never arrive; targets are often added by another stack, in which case this note can be turned off.",
        new RuleHelp(
            "Add a target (an SNS topic, a Lambda function, ...), or disable the rule.",
            """
            Type: AWS::Events::Rule
            Properties:
              EventPattern: { source: [aws.access-analyzer] }
            """,
            """
            Type: AWS::Events::Rule
            Properties:
              EventPattern: { source: [aws.access-analyzer] }
              Targets: [ { Id: alerts, Arn: !Ref AlertTopic } ]
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        // A SAM function event (Pattern instead of EventPattern) targets its function implicitly.
        if (subject.Properties.Has("Pattern"))
        {
            return;
        }

        var state = RuleTargets.Text(subject.Properties["State"]);
        if (subject.Targets.IsEmpty && subject.Properties["Targets"] is null && state is null or "ENABLED" or "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS")
        {
            context.Report(Rule, subject.Pattern ?? subject.Properties, $"the rule {subject.Owner.LogicalId ?? subject.Owner.Path} is enabled but has no targets, so the events it matches go nowhere");
        }
    }
}
