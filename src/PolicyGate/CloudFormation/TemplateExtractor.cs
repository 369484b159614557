using System.Collections.Immutable;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Reads one template, resolves it offline and runs the resource-family extractors over its resources:
/// the single entry point for both the scan pipeline and <c>policygate parse</c>. Every resource's
/// Properties, every condition and every output are resolved, so that every reference in the template is
/// checked; resources whose Condition is false are skipped, those whose Condition is undecided are kept.
/// </summary>
public sealed class TemplateExtractor(IReadOnlyList<IResourceExtractor> extractors)
{
    public static TemplateExtractor Default { get; } = new(
    [
        new IdentityPolicyExtractor(),
        new ResourcePolicyExtractor(),
        new LambdaPermissionExtractor(),
        new EventBusPolicyExtractor(),
        new OrganizationsPolicyExtractor(),
        new SamResourceExtractor(),
        new EventRuleExtractor(),
    ]);

    public TemplateExtraction Extract(ClassifiedDocument document, CloudFormationSettings settings)
    {
        var diagnostics = new TemplateDiagnostics();
        if (document.Root is not ObjectNode root)
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, document.Root, "a template must be a mapping");
            return new TemplateExtraction(new TemplateSubject(document, [.. diagnostics.Sorted()]), null, null, [], []);
        }

        var path = document.Source.Path;
        var deployment = DeploymentValues.For(settings.PseudoParameters, path);
        var parameters = settings.ParametersFor(path);
        if (ForEachExpansion.HasLoops(root))
        {
            // Loops are expanded first, with the parameters known; the template is then read as expanded.
            var unexpanded = TemplateReader.Read(root, new TemplateDiagnostics());
            root = ForEachExpansion.Expand(root, new IntrinsicResolver(unexpanded, deployment, parameters, settings.ImportValues, diagnostics));
        }

        var template = TemplateReader.Read(root, diagnostics);
        var resolver = new IntrinsicResolver(template, deployment, parameters, settings.ImportValues, diagnostics);
        var scope = new TemplateScope(resolver, resolver.Text, settings.PseudoParameters.RegionConfigured ? settings.PseudoParameters.Region : null);

        DependencyGraph.ReportCycles(template, diagnostics);
        foreach (var condition in template.Conditions.Values)
        {
            resolver.Conditions.Evaluate(condition.Key, condition.Value);
        }

        foreach (var resource in template.Resources.Where(r => !r.Implicit))
        {
            var state = resolver.Conditions.OfResource(resource);
            if (state == ConditionValue.False)
            {
                continue;
            }

            var resolved = resource.Properties is null ? null : resolver.Resolve(resource.Properties);
            var extractor = extractors.FirstOrDefault(e => e.Handles(resource.Type));
            foreach (var properties in PropertiesAlternatives(resolved, resource))
            {
                extractor?.Extract(new ResolvedResource(resource, properties, state), scope);
            }
        }

        ResolveOutputs(template, resolver);
        var suppressions = TemplateSuppressions.Read(template, diagnostics);
        var subject = new TemplateSubject(document, [.. diagnostics.Sorted()]) { Suppressions = suppressions };
        return new TemplateExtraction(subject, template, resolver, [.. scope.Policies], [.. scope.Rules]);
    }

    /// <summary>Properties that are an Fn::If give each object alternative; absent Properties give one null.</summary>
    private static IEnumerable<ObjectNode?> PropertiesAlternatives(Node? resolved, TemplateResource resource)
    {
        if (resolved is null or AbsentNode || resource.Properties is null)
        {
            yield return null;
            yield break;
        }

        foreach (var alternative in resolved.Alternatives().OfType<ObjectNode>())
        {
            yield return alternative;
        }
    }

    private static void ResolveOutputs(CloudFormationTemplate template, IntrinsicResolver resolver)
    {
        foreach (var output in template.Outputs?.Properties ?? [])
        {
            if (output.Value is not ObjectNode definition)
            {
                continue;
            }

            if (definition["Condition"] is ScalarNode { IsString: true } condition
                && resolver.Conditions.Evaluate(condition.Value, condition) == ConditionValue.False)
            {
                continue;
            }

            if (definition["Value"] is { } value)
            {
                resolver.Resolve(value);
            }

            if ((definition["Export"] as ObjectNode)?["Name"] is { } exportName)
            {
                resolver.Resolve(exportName);
            }
        }
    }
}
