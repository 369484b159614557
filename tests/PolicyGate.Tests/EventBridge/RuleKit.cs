using PolicyGate.Checks;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.Extraction;
using PolicyGate.Tests.Documents;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Builds EventBridge subjects from located YAML/JSON text and runs one rule on them.</summary>
internal static class RuleKit
{
    public static EventPatternSubject Pattern(string text, string path = "patterns/rule.json") =>
        new(new PolicyOwner(path), Load(path, text));

    /// <summary>An event rule as the template extractor emits it: resolved Properties, parsed pattern, targets, Region.</summary>
    public static EventRuleSubject EventRule(string propertiesYaml, string? region = null, string path = "templates/rules.yaml", string logicalId = "Rule")
    {
        var properties = (ObjectNode)Load(path, propertiesYaml);
        var pattern = properties["EventPattern"] ?? properties["Pattern"];
        if (pattern is ScalarNode { Kind: ScalarKind.String } text)
        {
            pattern = EmbeddedPattern.Parse(text).Root;
        }

        var targets = properties["Targets"] is ArrayNode list ? list.Items.OfType<ObjectNode>().ToArray() : [];
        return new EventRuleSubject(new PolicyOwner(path, logicalId, "Properties"), properties)
        {
            Pattern = pattern,
            Targets = [.. targets],
            Region = region,
        };
    }

    public static DocumentSubject Template(string yaml, string path = "templates/analyzer.yaml")
    {
        var loaded = DocumentTestKit.LoadText(path, yaml);
        loaded.Diagnostics.Where(d => d.Kind == DiagnosticKind.SyntaxError).ShouldBeEmpty();
        var root = loaded.Documents[0];
        return new DocumentSubject(new ClassifiedDocument(loaded, root, DocumentClassifier.Classify(root, path), 0));
    }

    public static IReadOnlyList<Finding> Run(IRule rule, ISubject subject, PolicyGateConfig? config = null)
    {
        var sink = new FindingSink(RuleSettings.Default);
        var context = new CheckContext(sink, config ?? PolicyGateConfig.Default);
        new RuleSet([rule], RuleSettings.Default).Check(subject, context, new SourceLocation("fallback", SourceSpan.FileStart));
        sink.Findings.ShouldNotContain(f => f.Rule == ToolNotifications.RuleFailed, "the rule must not throw");
        return sink.Findings;
    }

    private static Node Load(string path, string text)
    {
        var loaded = DocumentTestKit.LoadText(path, text);
        loaded.Diagnostics.Where(d => d.Kind == DiagnosticKind.SyntaxError).ShouldBeEmpty();
        return loaded.Documents[0];
    }
}
