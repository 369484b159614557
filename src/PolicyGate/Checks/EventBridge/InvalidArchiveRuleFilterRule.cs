using PolicyGate.Documents;
using PolicyGate.EventBridge.Analyzers;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class InvalidArchiveRuleFilterRule : IRule<DocumentSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4503",
        "InvalidArchiveRuleFilter",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "An analyzer archive rule's filter is malformed.",
        "Each filter of an archive rule names a Property and exactly one operator: Eq, Neq or Contains with a non-empty list of values, or Exists with true or false. status cannot be used in archive rules (it is for listing findings), and rule names must be unique within the analyzer. A malformed filter fails the deployment or archives findings the author meant to see.",
        new RuleHelp(
            "Give each filter one operator; use several filters to combine conditions.",
            """
            ArchiveRules:
              - RuleName: trusted-account
                Filter:
                  - { Property: principal.AWS, Eq: ["111122223333"], Neq: ["444455556666"] }
            """,
            """
            ArchiveRules:
              - RuleName: trusted-account
                Filter:
                  - { Property: principal.AWS, Eq: ["111122223333"] }
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
            var names = new Dictionary<string, Node>(StringComparer.Ordinal);
            foreach (var archiveRule in AnalyzerResources.Items(analyzer.Properties?["ArchiveRules"]).OfType<ObjectNode>())
            {
                if (archiveRule["RuleName"] is { } nameNode && AnalyzerResources.Text(nameNode) is { } name && !names.TryAdd(name, nameNode))
                {
                    context.Report(Rule, nameNode, $"archive rule \"{name}\" of analyzer {analyzer.LogicalId} is defined twice (first at line {names[name].Span.StartLine})");
                }
            }

            foreach (var (ruleName, filter) in AnalyzerResources.Filters(analyzer))
            {
                CheckFilter(filter, ruleName, analyzer.LogicalId, knowledge, context);
            }
        }
    }

    private static void CheckFilter(ObjectNode filter, string ruleName, string analyzer, AnalyzerKnowledge knowledge, CheckContext context)
    {
        if (AnalyzerResources.IsIntrinsic(filter))
        {
            return;
        }

        var property = AnalyzerResources.Text(filter["Property"]);
        if (filter["Property"] is null)
        {
            context.Report(Rule, filter, $"a filter of archive rule \"{ruleName}\" (analyzer {analyzer}) has no Property");
        }
        else if (property is not null && knowledge.KeysNotInArchiveRules.Contains(property))
        {
            context.Report(Rule, filter["Property"]!, $"the filter key \"{property}\" cannot be used in archive rules (archive rule \"{ruleName}\", analyzer {analyzer}); it only filters finding lists");
        }

        var operators = filter.Properties.Where(p => knowledge.FilterOperators.Contains(p.Key, StringComparer.Ordinal)).ToList();
        var subject = property is null ? $"the filter of archive rule \"{ruleName}\"" : $"the filter on \"{property}\" of archive rule \"{ruleName}\"";
        if (operators.Count != 1)
        {
            var found = operators.Count == 0 ? "none" : string.Join(", ", operators.Select(o => o.Key));
            context.Report(Rule, filter, $"{subject} (analyzer {analyzer}) must have exactly one operator of {string.Join(", ", knowledge.FilterOperators)}; it has {found}");
            return;
        }

        var op = operators[0];
        if (AnalyzerResources.IsIntrinsic(op.Value))
        {
            return;
        }

        if (op.Key == "Exists")
        {
            var isBoolean = op.Value is ScalarNode { Kind: ScalarKind.Boolean } || AnalyzerResources.Text(op.Value) is "true" or "false";
            if (!isBoolean)
            {
                context.Report(Rule, op.Value, $"Exists in {subject} must be true or false");
            }
        }
        else if (op.Value is not ArrayNode { Items.Length: > 0 })
        {
            context.Report(Rule, op.Value, $"{op.Key} in {subject} must be a non-empty list of values");
        }
    }
}
