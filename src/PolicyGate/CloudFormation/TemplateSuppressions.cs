using System.Collections.Immutable;
using PolicyGate.Checks;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Reads <c>Metadata: policygate: ignore: [...]</c> at template level (scope: the whole template) and at
/// resource level (scope: the resource, from its logical id to the end of its definition), cfn-lint style.
/// An entry is a rule id (<c>PG2002</c>) or Access Analyzer issue code, or <c>{id: PG2002, reason: "..."}</c>.
/// </summary>
public static class TemplateSuppressions
{
    /// <summary>The justification reports show for an entry written without a reason.</summary>
    public const string NoReasonGiven = "ignored in the template's Metadata (no reason given)";

    public static ImmutableArray<Suppression> Read(CloudFormationTemplate template, TemplateDiagnostics diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<Suppression>();
        var path = template.File.Path;
        Add(template.Metadata, template.Root.Span, "the template", result, diagnostics);
        foreach (var resource in template.Resources.Where(r => !r.Implicit))
        {
            Add(resource.Metadata, resource.Span, resource.LogicalId, result, diagnostics);
        }

        return result.ToImmutable();
    }

    private static void Add(ObjectNode? metadata, SourceSpan scope, string owner, ImmutableArray<Suppression>.Builder result, TemplateDiagnostics diagnostics)
    {
        if (metadata?["policygate"] is not { } section)
        {
            return;
        }

        if (section is not ObjectNode settings || settings["ignore"] is not { } ignore)
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidSuppression, section, $"Metadata policygate of {owner} must be a mapping with an ignore list: {{ignore: [PG2002]}}");
            return;
        }

        var entries = ignore is ArrayNode list ? list.Items : [ignore];
        foreach (var entry in entries)
        {
            var (id, reason) = entry switch
            {
                ScalarNode { IsString: true } s => (s, null),
                ObjectNode o => (o["id"] as ScalarNode, o["reason"] is ScalarNode { IsString: true } r ? r.Value : null),
                _ => (null, null),
            };
            if (id is not { IsString: true } || id.Value.Length == 0)
            {
                diagnostics.Add(TemplateDiagnosticKind.InvalidSuppression, entry, "a policygate ignore entry is a rule id such as PG2002, or {id: PG2002, reason: \"why\"}");
                continue;
            }

            result.Add(new Suppression(SuppressionKind.InSource, id.Value, reason ?? NoReasonGiven, id.Location) { Scope = scope });
        }
    }
}
