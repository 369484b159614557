using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class InvalidInputTemplateRule : IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4023",
        "InvalidInputTemplate",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "An input template written as a JSON object is not valid JSON.",
        "When InputTemplate is a JSON object, it must be valid JSON once its placeholders are filled in, and a placeholder cannot be an object key. Otherwise EventBridge rejects the target or delivers text the target cannot parse.",
        new RuleHelp(
            "Quote placeholders that stand for strings, separate members with commas, and keep placeholders out of keys.",
            """InputTemplate: '{"user": "<user>" "event": <event>}'""",
            """InputTemplate: '{"user": "<user>", "event": <event>}'""",
            "yaml"))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        foreach (var (target, index, transformer) in RuleTargets.Transformers(subject.Targets))
        {
            var node = transformer["InputTemplate"];
            if (RuleTargets.Text(node) is not { } template || !template.TrimStart().StartsWith('{'))
            {
                continue;
            }

            if (InputTransformerText.CheckObjectTemplate(template) is { } error)
            {
                context.Report(Rule, node!, $"the InputTemplate of {RuleTargets.Name(target, index)} is a JSON object, but {error}");
            }
        }
    }
}
