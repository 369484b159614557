using System.Text.RegularExpressions;
using PolicyGate.Documents;
using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed partial class InvalidRuleTargetRule : IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4024",
        "InvalidRuleTarget",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "A rule's targets break EventBridge's rules.",
        "A rule has at most 5 targets. Each target needs an Arn and an Id of 1 to 64 letters, digits, '.', '-' or '_', unique within the rule. Input, InputPath and InputTransformer are alternatives: a target may use one of them. Input must be valid JSON text.",
        new RuleHelp(
            "Give every target a unique Id and an Arn, and choose one way of shaping its input.",
            """
            Targets:
              - Id: notify topic
                Arn: !Ref Topic
                Input: '{"a": 1}'
                InputPath: $.detail
            """,
            """
            Targets:
              - Id: notify-topic
                Arn: !Ref Topic
                InputPath: $.detail
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        var targets = subject.Targets;
        if (targets.Length > RuleTargets.MaxTargets)
        {
            context.Report(Rule, targets[RuleTargets.MaxTargets], $"the rule has {targets.Length} targets; EventBridge allows at most {RuleTargets.MaxTargets} per rule");
        }

        var ids = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Length; i++)
        {
            var target = targets[i];
            var name = RuleTargets.Name(target, i);
            CheckId(target, i, ids, context);
            if (!target.Has("Arn"))
            {
                context.Report(Rule, target, $"{name} has no Arn");
            }

            var shapes = new[] { "Input", "InputPath", "InputTransformer" }.Where(target.Has).ToList();
            if (shapes.Count > 1)
            {
                var second = target.Property(shapes[1])!;
                context.Sink.Report(Rule, new SourceLocation(target.File.Path, second.KeySpan), $"{name} sets {string.Join(" and ", shapes)}; a target may use only one of them");
            }

            if (target["Input"] is ScalarNode input && RuleTargets.Text(input) is { } text)
            {
                var parsed = JsonDocumentParser.Parse(new SourceFile("Input", "Input", text), text);
                if (parsed.Documents.IsEmpty || parsed.Diagnostics.Any(d => d.Kind == DiagnosticKind.SyntaxError))
                {
                    var reason = parsed.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticKind.SyntaxError)?.Message ?? "it is empty";
                    context.Report(Rule, input, $"the Input of {name} must be valid JSON text, but {reason}");
                }
            }
        }
    }

    private static void CheckId(ObjectNode target, int index, Dictionary<string, ScalarNode> ids, CheckContext context)
    {
        if (!target.Has("Id"))
        {
            context.Report(Rule, target, $"target {index + 1} has no Id");
            return;
        }

        if (target["Id"] is not ScalarNode idNode || RuleTargets.Text(idNode) is not { } id)
        {
            return;
        }

        if (!IdPattern().IsMatch(id))
        {
            context.Report(Rule, idNode, $"target Id \"{id}\" must be 1 to 64 letters, digits, '.', '-' or '_'");
        }

        if (ids.TryGetValue(id, out var first))
        {
            context.Report(Rule, idNode, $"target Id \"{id}\" is used twice in this rule (first at line {first.Span.StartLine})");
        }
        else
        {
            ids[id] = idNode;
        }
    }

    [GeneratedRegex("^[.\\-_A-Za-z0-9]{1,64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
