using PolicyGate.Spelling;
using PolicyGate.EventBridge.Analyzers;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class InvalidAnalyzerTypeRule : IRule<DocumentSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4500",
        "InvalidAnalyzerType",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "An AWS::AccessAnalyzer::Analyzer has a Type the service does not accept.",
        "The analyzer Type is one of ACCOUNT, ORGANIZATION (external access), ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS (unused access) and ACCOUNT_INTERNAL_ACCESS, ORGANIZATION_INTERNAL_ACCESS (internal access), in upper case. Any other value fails the deployment.",
        new RuleHelp(
            "Use one of the listed types.",
            """
            Analyzer:
              Type: AWS::AccessAnalyzer::Analyzer
              Properties: { Type: UNUSED_ACCESS }
            """,
            """
            Analyzer:
              Type: AWS::AccessAnalyzer::Analyzer
              Properties: { Type: ACCOUNT_UNUSED_ACCESS }
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
            var types = EventSourceCatalog.BuiltIn.Analyzer.Types;
            var node = analyzer.Properties?["Type"];
            if (node is null)
            {
                context.Report(Rule, analyzer.Properties ?? analyzer.Resource, $"analyzer {analyzer.LogicalId} has no Type; it must be one of {string.Join(", ", types)}");
                continue;
            }

            if (AnalyzerResources.IsIntrinsic(node) || AnalyzerResources.Text(node) is not { } type || types.Contains(type, StringComparer.Ordinal))
            {
                continue;
            }

            var hint = SpellingSuggestions.CaseVariant(type, types) ?? SpellingSuggestions.Nearest(type.ToUpperInvariant(), types, 8)
                       ?? types.FirstOrDefault(t => t.EndsWith(type.ToUpperInvariant(), StringComparison.Ordinal));
            context.Report(Rule, node, $"analyzer {analyzer.LogicalId} has Type \"{type}\", which is not one of {string.Join(", ", types)}{(hint is null ? string.Empty : $"; did you mean \"{hint}\"?")}");
        }
    }
}
