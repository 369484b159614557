using PolicyGate.Checks;
using PolicyGate.Config;
using PolicyGate.Extraction;
using static PolicyGate.Tests.Documents.DocumentTestKit;

namespace PolicyGate.Tests.Checks;

/// <summary>Runs one rule over a policy given as text and returns its findings.</summary>
internal static class RuleTestKit
{
    public static IReadOnlyList<Finding> CheckPolicy(IRule<PolicySubject> rule, string text, string path = "p.json")
    {
        var root = Root(path, text);
        var sink = new FindingSink(RuleSettings.Default);
        rule.Check(new PolicySubject(new PolicyOwner(path), PolicyKindInference.Infer(root), root), new CheckContext(sink, PolicyGateConfig.Default));
        return sink.Findings;
    }

    /// <summary>Runs every policy validation rule, as a scan does.</summary>
    public static IReadOnlyList<Finding> CheckAll(string text, string path = "p.json")
    {
        var root = Root(path, text);
        var sink = new FindingSink(RuleSettings.Default);
        var context = new CheckContext(sink, PolicyGateConfig.Default);
        var subject = new PolicySubject(new PolicyOwner(path), PolicyKindInference.Infer(root), root);
        foreach (var rule in PolicyGate.Checks.PolicyValidation.PolicyValidationRules.All.OfType<IRule<PolicySubject>>())
        {
            rule.Check(subject, context);
        }

        return sink.Findings;
    }
}
