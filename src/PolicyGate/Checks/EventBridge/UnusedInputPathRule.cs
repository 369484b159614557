using PolicyGate.Documents;
using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class UnusedInputPathRule : IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4022",
        "UnusedInputPath",
        RuleArea.EventBridge,
        FindingLevel.Note,
        "An InputPathsMap entry is never used in the input template.",
        "An entry of InputPathsMap that no <placeholder> of InputTemplate refers to extracts a value for nothing; usually the template misspells it.",
        new RuleHelp(
            "Use the entry in the template, or remove it.",
            """
            InputPathsMap: { eventName: $.detail.eventName, region: $.region }
            InputTemplate: '"<eventName>"'
            """,
            """
            InputPathsMap: { eventName: $.detail.eventName, region: $.region }
            InputTemplate: '"<eventName> in <region>"'
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "maintainability"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        foreach (var (target, index, transformer) in RuleTargets.Transformers(subject.Targets))
        {
            if (transformer["InputPathsMap"] is not ObjectNode map || RuleTargets.Text(transformer["InputTemplate"]) is not { } template)
            {
                continue;
            }

            var used = InputTransformerText.Placeholders(template).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in map.Properties.Where(p => !used.Contains(p.Key)))
            {
                context.Sink.Report(Rule, new SourceLocation(map.File.Path, property.KeySpan),
                    $"\"{property.Key}\" in the InputPathsMap of {RuleTargets.Name(target, index)} is never used: the InputTemplate has no <{property.Key}>");
            }
        }
    }
}
