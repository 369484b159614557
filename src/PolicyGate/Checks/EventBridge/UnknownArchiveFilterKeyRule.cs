using PolicyGate.Spelling;
using PolicyGate.Documents;
using PolicyGate.EventBridge.Analyzers;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class UnknownArchiveFilterKeyRule : IRule<DocumentSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4504",
        "UnknownArchiveFilterKey",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "An archive rule filters on a key Access Analyzer does not know.",
        "Archive-rule filters use Access Analyzer's filter keys: resource, resourceType, resourceOwnerAccount, isPublic, findingType, resourceControlPolicyRestriction, error, principal.AWS, principal.Federated and condition.<condition key>. Keys are case-sensitive; an unknown key is rejected or never matches, so findings the rule should archive stay active.",
        new RuleHelp(
            "Use a documented filter key.",
            """- { Property: ResourceType, Eq: ["AWS::S3::Bucket"] }""",
            """- { Property: resourceType, Eq: ["AWS::S3::Bucket"] }""",
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
            foreach (var (_, filter) in AnalyzerResources.Filters(analyzer))
            {
                var node = filter["Property"];
                if (AnalyzerResources.Text(node) is not { } key || knowledge.FilterKeys.Contains(key) || knowledge.KeysNotInArchiveRules.Contains(key)
                    || knowledge.FilterKeyPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal) && key.Length > p.Length))
                {
                    continue;
                }

                var known = knowledge.FilterKeys.Order(StringComparer.Ordinal).ToList();
                var hint = SpellingSuggestions.CaseVariant(key, known) ?? SpellingSuggestions.Nearest(key, known, 3);
                context.Report(Rule, node!, $"\"{key}\" is not an Access Analyzer filter key (analyzer {analyzer.LogicalId}){(hint is null ? string.Empty : $"; did you mean \"{hint}\"?")}");
            }
        }
    }
}
