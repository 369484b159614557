using PolicyGate.Documents;
using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class InvalidInputTransformerRule : IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4021",
        "InvalidInputTransformer",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "An input transformer or input path breaks EventBridge's rules.",
        "InputPathsMap holds at most 100 entries; its keys are letters, digits, '_' and '-' (at most 256 characters); its values, like a target's InputPath, are JSON paths in dot notation starting with \"$\" (at most 256 characters; no brackets). InputTemplate is required and at most 8192 characters. PutTargets rejects anything else.",
        new RuleHelp(
            "Write paths as \"$.detail.field\" and keep keys simple.",
            """
            InputPathsMap:
              event.name: detail.eventName
              user: "$['detail']['userIdentity']"
            """,
            """
            InputPathsMap:
              eventName: $.detail.eventName
              user: $.detail.userIdentity.arn
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        for (var i = 0; i < subject.Targets.Length; i++)
        {
            var target = subject.Targets[i];
            var name = RuleTargets.Name(target, i);
            if (target["InputPath"] is ScalarNode inputPath && RuleTargets.Text(inputPath) is { } path && InputTransformerText.CheckPath(path) is { } pathError)
            {
                context.Report(Rule, inputPath, $"InputPath {Documents.JsonText.Quote(path)} of {name} {pathError}");
            }

            if (target["InputTransformer"] is not ObjectNode transformer)
            {
                continue;
            }

            CheckMap(transformer, name, context);
            CheckTemplate(transformer, name, context);
        }
    }

    private static void CheckMap(ObjectNode transformer, string name, CheckContext context)
    {
        var mapNode = transformer["InputPathsMap"];
        if (mapNode is null or ScalarNode { Kind: ScalarKind.Unknown } or ChoiceNode)
        {
            return;
        }

        if (mapNode is not ObjectNode map)
        {
            context.Report(Rule, mapNode, $"InputPathsMap of {name} must be a map of names to JSON paths, not {mapNode.KindName}");
            return;
        }

        if (map.Properties.Length > InputTransformerText.MaxPaths)
        {
            context.Report(Rule, map, $"InputPathsMap of {name} has {map.Properties.Length} entries; EventBridge allows at most {InputTransformerText.MaxPaths}");
        }

        foreach (var property in map.Properties)
        {
            if (!InputTransformerText.IsValidKey(property.Key))
            {
                context.Sink.Report(Rule, new SourceLocation(map.File.Path, property.KeySpan), $"InputPathsMap key \"{property.Key}\" of {name} may contain only letters, digits, '_' and '-' (1 to {InputTransformerText.MaxKeyLength} characters)");
            }

            if (property.Value is ScalarNode { Kind: ScalarKind.Unknown } || property.Value is ScalarNode { HasUnknowns: true })
            {
                continue;
            }

            if (RuleTargets.Text(property.Value) is not { } path)
            {
                context.Report(Rule, property.Value, $"InputPathsMap value for \"{property.Key}\" of {name} must be a JSON path string, not {property.Value.KindName}");
            }
            else if (InputTransformerText.CheckPath(path) is { } error)
            {
                context.Report(Rule, property.Value, $"the path {Documents.JsonText.Quote(path)} for \"{property.Key}\" of {name} {error}");
            }
        }
    }

    private static void CheckTemplate(ObjectNode transformer, string name, CheckContext context)
    {
        var template = transformer["InputTemplate"];
        if (template is null)
        {
            context.Report(Rule, transformer, $"the InputTransformer of {name} has no InputTemplate, which EventBridge requires");
            return;
        }

        if (RuleTargets.Text(template) is { } text && (text.Length == 0 || text.Length > InputTransformerText.MaxTemplateLength))
        {
            context.Report(Rule, template, $"the InputTemplate of {name} is {text.Length} characters; EventBridge accepts 1 to {InputTransformerText.MaxTemplateLength}");
        }
    }
}
