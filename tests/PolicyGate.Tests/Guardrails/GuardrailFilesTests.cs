using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks.Guardrails;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Text;
using static PolicyGate.Tests.Reasoning.ReasoningKit;

namespace PolicyGate.Tests.Guardrails;

/// <summary>The shipped guard-rail files: well-formed, embedded as they are on disk, and naming real actions.</summary>
public class GuardrailFilesTests
{
    private static readonly string Folder = RepositoryPaths.InRepo("rules", "guardrails");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_embedded_set_equals_the_folder()
    {
        var onDisk = Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        onDisk.ShouldNotBeEmpty();
        GuardrailCatalog.BuiltIn.All.Select(g => g.Name).ShouldBe(onDisk);
    }

    [Fact]
    public void The_guard_rails_the_documentation_promises_are_there()
    {
        string[] promised = ["identity-baseline", "no-audit-tampering", "no-privilege-escalation", "no-sensitive-data-access", "no-wildcard-admin", "trust-allow-listed"];
        GuardrailCatalog.BuiltIn.All.Select(g => g.Name).ShouldBe(promised);
        var docs = File.ReadAllText(RepositoryPaths.InRepo("docs", "guardrails.md"));
        foreach (var name in promised)
        {
            docs.ShouldContain($"## `{name}`");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_parses_and_is_embedded_unchanged(string file)
    {
        var parsed = GuardrailCatalog.Parse(File.ReadAllText(Path.Combine(Folder, file)), file);
        parsed.Name.ShouldBe(Path.GetFileNameWithoutExtension(file));
        var embedded = GuardrailCatalog.BuiltIn.Find(parsed.Name).ShouldNotBeNull();
        embedded.Check.ShouldBe(parsed.Check);
        embedded.PolicyType.ShouldBe(parsed.PolicyType);
        embedded.Summary.ShouldBe(parsed.Summary);
        embedded.AppliesTo.ShouldBe(parsed.AppliesTo);
        embedded.ReferencePolicyJson.ShouldBe(parsed.ReferencePolicyJson);
        embedded.Actions.ShouldBe(parsed.Actions);
        embedded.Resources.ShouldBe(parsed.Resources);
    }

    [Fact]
    public void Find_ignores_case_and_answers_null_for_an_unknown_name()
    {
        GuardrailCatalog.BuiltIn.Find("No-Privilege-Escalation").ShouldNotBeNull().Name.ShouldBe("no-privilege-escalation");
        GuardrailCatalog.BuiltIn.Find("no-such-guardrail").ShouldBeNull();
        GuardrailCatalog.BuiltIn.All.Select(g => g.Name).ShouldBe(GuardrailCatalog.BuiltIn.All.Select(g => g.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_listed_action_is_in_the_catalog_or_a_wildcard_matching_one()
    {
        var catalog = IamCatalogResource.Embedded;
        var problems = new List<string>();
        foreach (var guardrail in GuardrailCatalog.BuiltIn.All.Where(g => g.Check == GuardrailCheck.AccessNotGranted))
        {
            guardrail.Actions.ShouldNotBeEmpty(guardrail.Name);
            foreach (var action in guardrail.Actions)
            {
                var colon = action.IndexOf(':', StringComparison.Ordinal);
                var (service, name) = (action[..colon], action[(colon + 1)..]);
                var known = name.IndexOfAny(['*', '?']) >= 0
                    ? catalog.ActionsMatching(Glob.Parse(action, ignoreCase: true), service).Any()
                    : catalog.Action(service, name) is { } info && info.FullName == action;
                if (!known)
                {
                    problems.Add($"{guardrail.Name}: {action}");
                }
            }
        }

        problems.ShouldBeEmpty("actions missing from the IAM catalog (or spelt with the wrong case)");
    }

    [Fact]
    public async Task Every_reference_passes_against_itself_and_mentions_only_catalog_actions()
    {
        foreach (var guardrail in GuardrailCatalog.BuiltIn.All.Where(g => g.Check == GuardrailCheck.NoNewAccess))
        {
            var reference = guardrail.ReferencePolicyJson.ShouldNotBeNull();
            NoNewAccess(reference, reference, guardrail.PolicyType).ShouldPass();
            var validation = await Engine.ValidatePolicyAsync(
                new ValidatePolicyRequest(new PolicyDocumentInput(reference), guardrail.PolicyType == CheckPolicyType.Identity ? ValidatePolicyType.Identity : ValidatePolicyType.Resource,
                    guardrail.PolicyType == CheckPolicyType.Resource ? "AWS::IAM::AssumeRolePolicyDocument" : null),
                CancellationToken.None);
            validation.Findings.Where(f => f.FindingType is ValidationFindingType.Error or ValidationFindingType.SecurityWarning)
                .Select(f => $"{f.IssueCode}: {f.Details}").ShouldBeEmpty(guardrail.Name);
        }
    }
}
