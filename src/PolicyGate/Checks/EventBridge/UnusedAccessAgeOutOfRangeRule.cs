using System.Globalization;
using PolicyGate.Documents;
using PolicyGate.EventBridge.Analyzers;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class UnusedAccessAgeOutOfRangeRule : IRule<DocumentSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4501",
        "UnusedAccessAgeOutOfRange",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "An unused-access analyzer's UnusedAccessAge is not a whole number of days the service accepts.",
        "UnusedAccessAge is the number of days without use after which an unused-access analyzer reports a permission, role, user or key. Access Analyzer accepts whole numbers from 1 to 365 (it accepted up to 180 when unused-access analysis was introduced); other values fail the deployment.",
        new RuleHelp(
            "Choose a whole number of days from 1 to 365 (90 is the default).",
            """
            AnalyzerConfiguration:
              UnusedAccessConfiguration: { UnusedAccessAge: 400 }
            """,
            """
            AnalyzerConfiguration:
              UnusedAccessConfiguration: { UnusedAccessAge: 90 }
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
            var age = (analyzer.Properties?["AnalyzerConfiguration"] as ObjectNode)?["UnusedAccessConfiguration"] is ObjectNode unused ? unused["UnusedAccessAge"] : null;
            if (age is null || AnalyzerResources.IsIntrinsic(age) || age is not ScalarNode scalar)
            {
                continue;
            }

            var isWhole = long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days);
            if (!isWhole || days < knowledge.MinimumUnusedAccessAge || days > knowledge.MaximumUnusedAccessAge)
            {
                context.Report(Rule, age, $"UnusedAccessAge {scalar.Value} of analyzer {analyzer.LogicalId} must be a whole number of days from {knowledge.MinimumUnusedAccessAge} to {knowledge.MaximumUnusedAccessAge}");
            }
        }
    }
}
