using PolicyGate.Config;
using PolicyGate.Extraction;

namespace PolicyGate.EventBridge.Testing;

/// <summary>Finds the configured rule tests that concern a pattern, by its owner (pattern file, or template and logical id).</summary>
public static class RuleTests
{
    public static IEnumerable<EventRuleTest> For(PolicyOwner owner, EventsSettings settings)
    {
        foreach (var test in settings.Tests)
        {
            var forPatternFile = test.Pattern is not null && owner.LogicalId is null && test.Pattern == owner.Path;
            var forTemplateRule = test.Template is not null && owner.LogicalId is not null && test.Template == owner.Path && test.Rule == owner.LogicalId
                                  && (test.Event is null || (owner.PropertyPath?.Contains(test.Event, StringComparison.Ordinal) ?? false));
            if (forPatternFile || forTemplateRule)
            {
                yield return test;
            }
        }
    }
}
