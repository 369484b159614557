using System.Text;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Tests.Iam;

/// <summary>Builds policy models from text and validates them with the embedded catalog.</summary>
internal static class IamTestKit
{
    public static readonly OfflinePolicyValidator Validator = OfflinePolicyValidator.CreateDefault();

    public static Node Load(string text, string path = "policy.json")
    {
        var loaded = new DocumentLoader(LoadLimits.Default).Load(new SourceFile(path, "/virtual/" + path), Encoding.UTF8.GetBytes(text));
        loaded.Documents.Length.ShouldBe(1, $"the test policy must parse: {string.Join("; ", loaded.Diagnostics.Select(d => d.Message))}");
        return loaded.Documents[0];
    }

    public static PolicyDocument Model(string text, PolicyKind kind = PolicyKind.Identity, string? resourceType = null) =>
        PolicyModelBuilder.Build(Load(text), kind, resourceType);

    public static IReadOnlyList<PolicyIssue> Validate(string text, PolicyKind kind = PolicyKind.Identity, string? resourceType = null) =>
        Validator.Validate(Model(text, kind, resourceType));

    public static IReadOnlyList<PolicyIssue> Issues(this IReadOnlyList<PolicyIssue> issues, string ruleId) =>
        issues.Where(i => i.Rule.Id == ruleId).ToList();

    public static IamCatalog Catalog => IamCatalogResource.Embedded;

    public static string RepoRoot() => RepositoryPaths.Root;
}
