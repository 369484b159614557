using PolicyGate.Checks.PolicyValidation;

namespace PolicyGate.Tests.Iam;

/// <summary>docs/validate-policy.md lists every check with the rule that implements it; it must not drift from the rules.</summary>
public class ValidatePolicyDocumentationTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(IamTestKit.RepoRoot(), "docs", "validate-policy.md"));

    [Fact]
    public void Every_issue_code_of_a_rule_is_listed_as_implemented_by_that_rule()
    {
        foreach (var rule in PolicyValidationRules.All.Select(r => r.Descriptor).Where(r => r.AccessAnalyzerIssueCode is not null))
        {
            var row = Lines.SingleOrDefault(l => l.Contains($"| `{rule.AccessAnalyzerIssueCode}` |", StringComparison.Ordinal));
            row.ShouldNotBeNull($"{rule.AccessAnalyzerIssueCode} is missing from docs/validate-policy.md");
            row.ShouldContain($"| yes | [{rule.Id}]");
        }
    }

    [Fact]
    public void Checks_listed_as_not_implemented_have_no_rule_and_a_reason()
    {
        var codes = PolicyValidationRules.All.Select(r => r.Descriptor.AccessAnalyzerIssueCode).OfType<string>().ToHashSet();
        var notImplemented = Lines.Where(l => l.Contains("| no |", StringComparison.Ordinal)).ToList();
        notImplemented.ShouldNotBeEmpty();
        foreach (var row in notImplemented)
        {
            var code = row.Split('`')[1];
            codes.ShouldNotContain(code);
            row.ShouldContain("Not implemented: ");
        }
    }

    [Fact]
    public void At_least_one_hundred_checks_are_implemented()
    {
        Lines.Count(l => l.Contains("| yes |", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(100);
    }
}
