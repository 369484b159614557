using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.EventBridge.Analyzers;

/// <summary>An AWS::AccessAnalyzer::Analyzer resource of a template, read from the template's located tree.</summary>
public sealed record AnalyzerResource(string LogicalId, ObjectNode Resource, ObjectNode? Properties);

/// <summary>
/// Finds Access Analyzer analyzers in a template and reads their literal values. Intrinsic functions
/// (Ref, Fn::*) are skipped: their values are only known once the template is resolved.
/// </summary>
public static class AnalyzerResources
{
    public const string ResourceType = "AWS::AccessAnalyzer::Analyzer";

    /// <summary>The analyzers of a document, when it is a CloudFormation template.</summary>
    public static IEnumerable<AnalyzerResource> In(ClassifiedDocument document) =>
        document.Kind == DocumentKind.CloudFormationTemplate ? In(document.Root) : [];

    /// <summary>Every archive-rule filter of an analyzer, with the rule's name.</summary>
    public static IEnumerable<(string RuleName, ObjectNode Filter)> Filters(AnalyzerResource analyzer) =>
        from archiveRule in Items(analyzer.Properties?["ArchiveRules"]).OfType<ObjectNode>()
        from filter in Items(archiveRule["Filter"]).OfType<ObjectNode>()
        select (Text(archiveRule["RuleName"]) ?? "(unnamed)", filter);

    public static IEnumerable<AnalyzerResource> In(Node template)
    {
        if (template is not ObjectNode root || root["Resources"] is not ObjectNode resources)
        {
            yield break;
        }

        foreach (var property in resources.Properties)
        {
            if (property.Value is ObjectNode resource && resource["Type"] is ScalarNode { Value: ResourceType })
            {
                yield return new AnalyzerResource(property.Key, resource, resource["Properties"] as ObjectNode);
            }
        }
    }

    /// <summary>True for {"Ref": ...}, {"Fn::...": ...} and the like: a value not known without resolution.</summary>
    public static bool IsIntrinsic(Node? node) =>
        node is ObjectNode { Properties.Length: 1 } o && (o.Properties[0].Key == "Ref" || o.Properties[0].Key.StartsWith("Fn::", StringComparison.Ordinal) || o.Properties[0].Key == "Condition")
        || node is ScalarNode { Kind: ScalarKind.Unknown };

    /// <summary>A literal string, or null (absent, intrinsic, or another type).</summary>
    public static string? Text(Node? node) => node is ScalarNode { Kind: ScalarKind.String } s ? s.Value : null;

    /// <summary>The items of a literal list; an intrinsic or a non-list gives none.</summary>
    public static IEnumerable<Node> Items(Node? node) => node is ArrayNode a ? a.Items : [];
}
