using PolicyGate.Documents;
using PolicyGate.EventBridge.Analyzers;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class AnalyzerConfigurationMismatchRule : IRule<DocumentSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4502",
        "AnalyzerConfigurationMismatch",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "An analyzer's configuration does not fit its Type.",
        "UnusedAccessConfiguration applies only to ACCOUNT_UNUSED_ACCESS and ORGANIZATION_UNUSED_ACCESS analyzers, and InternalAccessConfiguration only to the internal-access types; external access analyzers take no configuration. A configuration on the wrong type is rejected or has no effect, so the settings the author meant never apply.",
        new RuleHelp(
            "Change the Type to the kind of analyzer the configuration is for, or remove the configuration.",
            """
            Properties:
              Type: ACCOUNT
              AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 30 } }
            """,
            """
            Properties:
              Type: ACCOUNT_UNUSED_ACCESS
              AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 30 } }
            """,
            "yaml"))
    {
        Tags = ["access-analyzer", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(DocumentSubject subject, CheckContext context)
    {
        foreach (var analyzer in AnalyzerResources.In(subject.Document))
        {
            // Looked up per analyzer: most templates have none and never load the knowledge files.
            var knowledge = EventSourceCatalog.BuiltIn.Analyzer;
            if (AnalyzerResources.Text(analyzer.Properties?["Type"]) is not { } type || !knowledge.Types.Contains(type, StringComparer.Ordinal)
                || analyzer.Properties?["AnalyzerConfiguration"] is not ObjectNode configuration)
            {
                continue;
            }

            foreach (var property in configuration.Properties)
            {
                var fits = property.Key switch
                {
                    "UnusedAccessConfiguration" => knowledge.UnusedAccessTypes.Contains(type),
                    "InternalAccessConfiguration" => type.EndsWith("_INTERNAL_ACCESS", StringComparison.Ordinal),
                    _ => true,
                };
                if (!fits)
                {
                    context.Sink.Report(Rule, new SourceLocation(configuration.File.Path, property.KeySpan),
                        $"{property.Key} of analyzer {analyzer.LogicalId} does not apply to Type {type}");
                }
            }
        }
    }
}
