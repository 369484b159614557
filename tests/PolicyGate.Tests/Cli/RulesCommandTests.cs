using System.Text.Json;
using PolicyGate.Checks;

namespace PolicyGate.Tests.Cli;

public class RulesCommandTests
{
    [Fact]
    public void Docs_rules_md_is_exactly_the_generated_markdown()
    {
        var generated = CliRunner.Run(RepositoryPaths.Root, "rules", "--format", "markdown");
        generated.ExitCode.ShouldBe(0);
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "rules.md"));
        committed.ShouldBe(generated.Stdout, "docs/rules.md is out of date: run `dotnet run --project src/PolicyGate -- rules --format markdown > docs/rules.md`");
    }

    [Fact]
    public void Json_lists_every_rule_with_its_metadata()
    {
        var result = CliRunner.Run(RepositoryPaths.Root, "rules", "--format", "json");
        result.ExitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(result.Stdout);
        var ids = json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        ids.ShouldBe(RuleCatalog.BuiltIn.Descriptors.Select(d => d.Id).ToList());
        ids.ShouldContain("PG1001");
        json.RootElement[0].GetProperty("help").GetString()!.ShouldContain("**Bad**");
    }

    [Fact]
    public void Every_rule_has_complete_metadata_and_a_bad_and_good_example()
    {
        foreach (var rule in RuleCatalog.BuiltIn.Descriptors)
        {
            rule.Id.ShouldMatch("^PG[0-9]{4}$");
            rule.Name.ShouldMatch("^[A-Z][A-Za-z0-9]+$", rule.Id);
            rule.ShortDescription.Length.ShouldBeInRange(10, 1024, rule.Id);
            rule.FullDescription.Length.ShouldBeInRange(10, 1024, rule.Id);
            rule.Help.Explanation.ShouldNotBeNullOrWhiteSpace(rule.Id);
            rule.Help.BadExample.ShouldNotBeNullOrWhiteSpace(rule.Id);
            rule.Help.GoodExample.ShouldNotBe(rule.Help.BadExample, rule.Id);
            if (rule.SecuritySeverity is { } severity)
            {
                double.Parse(severity, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(0.1, 10.0, rule.Id);
            }
        }

        RuleCatalog.BuiltIn.Descriptors.Select(d => d.Name).ShouldBeUnique();
    }
}
