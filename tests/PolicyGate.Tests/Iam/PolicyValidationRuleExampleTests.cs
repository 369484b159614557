using PolicyGate.Checks.PolicyValidation;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Tests.Iam;

/// <summary>
/// Every policy validation rule's help examples are executable: the bad example triggers the rule and the good
/// one does not. This is each rule's trigger / no-trigger test, and it keeps docs/rules.md honest.
/// </summary>
public class PolicyValidationRuleExampleTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in PolicyValidationRules.All)
        {
            data.Add(rule.Descriptor.Id);
        }

        return data;
    }

    private static PolicyCheck RuleOf(string id) => PolicyValidationRules.All.Single(r => r.Descriptor.Id == id);

    /// <summary>
    /// The size-quota rules show an abbreviated bad example ("... 260 actions in all ..."); the full policy the
    /// abbreviation stands for is built here.
    /// </summary>
    private static string BadExampleOf(PolicyCheck rule)
    {
        var example = rule.Descriptor.Help.BadExample;
        var marker = System.Text.RegularExpressions.Regex.Match(example, "\\.\\.\\. ([0-9]+) [a-z]+ in all \\.\\.\\.");
        if (!marker.Success)
        {
            return example;
        }

        var count = int.Parse(marker.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var token = "\"" + marker.Value + "\"";
        var at = example.IndexOf(token, StringComparison.Ordinal);
        var before = example[..at];
        var quoteEnd = before.LastIndexOf('"');
        var quoteStart = before.LastIndexOf('"', quoteEnd - 1);
        var template = before[(quoteStart + 1)..quoteEnd];
        var zeros = System.Text.RegularExpressions.Regex.Match(template, "0{4,}");
        var items = Enumerable.Range(1, count - 1)
            .Select(i => template[..zeros.Index] + i.ToString("D" + zeros.Length, System.Globalization.CultureInfo.InvariantCulture) + template[(zeros.Index + zeros.Length)..]);
        return before + string.Join(", ", items.Select(i => $"\"{i}\"")) + example[(at + token.Length)..];
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Bad_example_triggers_the_rule(string id)
    {
        var rule = RuleOf(id);
        var issues = IamTestKit.Validate(BadExampleOf(rule), rule.ExampleKind, rule.ExampleResourceType).Issues(id);
        issues.ShouldNotBeEmpty($"{id} {rule.Descriptor.Name}: the bad example must trigger it");
        foreach (var issue in issues)
        {
            issue.Message.ShouldNotBeNullOrWhiteSpace();
            issue.Location.Span.StartLine.ShouldBe(1, "examples are one line");
            issue.Location.Span.StartColumn.ShouldBeGreaterThanOrEqualTo(1);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Good_example_does_not_trigger_the_rule(string id)
    {
        var rule = RuleOf(id);
        var issues = IamTestKit.Validate(rule.Descriptor.Help.GoodExample, rule.ExampleKind, rule.ExampleResourceType);
        issues.Issues(id).ShouldBeEmpty($"{id} {rule.Descriptor.Name}: the good example must not trigger it");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Good_example_has_no_error_at_all(string id)
    {
        var rule = RuleOf(id);
        var errors = IamTestKit.Validate(rule.Descriptor.Help.GoodExample, rule.ExampleKind, rule.ExampleResourceType)
            .Where(i => i.Rule.DefaultLevel == global::PolicyGate.Checks.FindingLevel.Error)
            .Select(i => $"{i.Rule.Id} {i.Message}")
            .ToList();
        errors.ShouldBeEmpty($"{id}: a good example should be a valid policy");
    }

    [Fact]
    public void Ids_are_unique_in_range_and_access_analyzer_codes_are_unique()
    {
        var rules = PolicyValidationRules.All.Select(r => r.Descriptor).ToList();
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.ShouldAllBe(r => string.CompareOrdinal(r.Id, "PG2000") >= 0 && string.CompareOrdinal(r.Id, "PG2999") <= 0);
        rules.Where(r => r.AccessAnalyzerIssueCode is not null).Select(r => r.AccessAnalyzerIssueCode).ShouldBeUnique();
        rules.Count(r => r.AccessAnalyzerIssueCode is not null).ShouldBeGreaterThanOrEqualTo(100);
    }
}
