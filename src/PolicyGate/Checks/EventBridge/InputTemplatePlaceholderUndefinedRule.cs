using PolicyGate.Documents;
using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class InputTemplatePlaceholderUndefinedRule : IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4020",
        "InputTemplatePlaceholderUndefined",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "An input template uses a placeholder that InputPathsMap does not define.",
        "Every <name> in an input transformer's InputTemplate must be a key of InputPathsMap or one of EventBridge's predefined variables (aws.events.rule-arn, aws.events.rule-name, aws.events.event.ingestion-time, aws.events.event, aws.events.event.json). A misspelled or forgotten key leaves the target without the value the template promises.",
        new RuleHelp(
            "Define the placeholder in InputPathsMap, or fix its spelling.",
            """
            InputTransformer:
              InputPathsMap: { eventName: $.detail.eventName }
              InputTemplate: '"<eventName> by <user>"'
            """,
            """
            InputTransformer:
              InputPathsMap: { eventName: $.detail.eventName, user: $.detail.userIdentity.arn }
              InputTemplate: '"<eventName> by <user>"'
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        foreach (var (target, index, transformer) in RuleTargets.Transformers(subject.Targets))
        {
            if (transformer["InputTemplate"] is not ScalarNode { Kind: ScalarKind.String } template || template.HasUnknowns)
            {
                continue;
            }

            var map = transformer["InputPathsMap"] as ObjectNode;
            var defined = map?.Properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var placeholder in InputTransformerText.Placeholders(template.Value))
            {
                if (defined.Contains(placeholder.Name) || InputTransformerText.Predefined.Contains(placeholder.Name))
                {
                    continue;
                }

                var known = defined.Count == 0 ? "InputPathsMap defines nothing" : $"InputPathsMap defines {string.Join(", ", defined.Order(StringComparer.Ordinal))}";
                context.Sink.Report(Rule, ScalarText.LocationOf(template, placeholder.Index, placeholder.Length),
                    $"<{placeholder.Name}> in the InputTemplate of {RuleTargets.Name(target, index)} is not defined ({known}, and it is not a predefined aws.events variable)");
            }
        }
    }
}
