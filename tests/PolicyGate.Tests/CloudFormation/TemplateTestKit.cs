using System.Text;
using PolicyGate.CloudFormation;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Tests.CloudFormation;

/// <summary>Extracting templates given as text, and reading what came out.</summary>
internal static class TemplateTestKit
{
    public static TemplateExtraction Extract(string text, string path = "template.yaml", CloudFormationSettings? settings = null)
    {
        var loaded = new DocumentLoader(LoadLimits.Default).Load(new SourceFile(path, "/virtual/" + path), Encoding.UTF8.GetBytes(text));
        loaded.Diagnostics.ShouldBeEmpty();
        var document = new ClassifiedDocument(loaded, loaded.Documents[0], DocumentKind.CloudFormationTemplate, 0);
        return TemplateExtractor.Default.Extract(document, settings ?? CloudFormationSettings.Default);
    }

    /// <summary>Resolves one value written in YAML inside a template that has the given other sections.</summary>
    public static (Node Value, TemplateExtraction Extraction) Resolve(string value, string sections = "", CloudFormationSettings? settings = null)
    {
        var text = $"{sections}\nResources:\n  Probe:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Value: {value}\n";
        var extraction = Extract(text, settings: settings);
        var resource = extraction.Model!.ResourcesById["Probe"];
        var resolver = new IntrinsicResolver(extraction.Model, extraction.Resolver!.Deployment,
            (settings ?? CloudFormationSettings.Default).ParametersFor("template.yaml"), (settings ?? CloudFormationSettings.Default).ImportValues, extraction.Resolver.Diagnostics);
        return (resolver.Resolve(((ObjectNode)resource.Properties!)["Value"]!), extraction);
    }

    public static string Text(Node node) => node.ShouldBeOfType<ScalarNode>().Value;

    public static IReadOnlyList<TemplateDiagnostic> Diagnostics(TemplateExtraction extraction, TemplateDiagnosticKind kind) =>
        extraction.Resolver?.Diagnostics.Items.Where(d => d.Kind == kind).ToList() ?? extraction.Template.Diagnostics.Where(d => d.Kind == kind).ToList();

    public static ExtractedPolicy Policy(TemplateExtraction extraction, string logicalId, string? propertyPath = null) =>
        extraction.Policies.Single(p => p.Subject.Owner.LogicalId == logicalId && (propertyPath is null || p.Subject.Owner.PropertyPath == propertyPath));

    public static Node At(Node node, params object[] path) => Documents.DocumentTestKit.At(node, path);

    public static string RepositoryRoot() => RepositoryPaths.Root;

    public static TemplateExtraction ExtractFile(string relativePath, CloudFormationSettings? settings = null)
    {
        var full = Path.Combine(RepositoryRoot(), relativePath);
        File.Exists(full).ShouldBeTrue($"example {relativePath} is missing");
        var loaded = new DocumentLoader(LoadLimits.Default).Load(full, relativePath);
        loaded.Diagnostics.ShouldBeEmpty();
        var document = new ClassifiedDocument(loaded, loaded.Documents[0], DocumentClassifier.Classify(loaded.Documents[0], relativePath), 0);
        document.Kind.ShouldBe(DocumentKind.CloudFormationTemplate);
        return TemplateExtractor.Default.Extract(document, settings ?? CloudFormationSettings.Default);
    }
}
