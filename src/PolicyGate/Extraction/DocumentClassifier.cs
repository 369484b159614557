using PolicyGate.Documents;

namespace PolicyGate.Extraction;

/// <summary>
/// Decides what a document is from its content. The tests are deliberately simple and ordered: a template
/// has Resources with typed entries (or a template format version or SAM transform); a policy has a
/// Statement (or only policy elements); an EventBridge pattern or event has envelope fields, told apart by
/// whether the values are lists (patterns) or plain values (events).
/// </summary>
public static class DocumentClassifier
{
    private static readonly HashSet<string> ConfigFileNames =
        new(["policygate.yaml", "policygate.yml", ".policygate.yaml", ".policygate.yml"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> EventEnvelopeFields =
        new(["source", "detail-type", "detail", "account", "region", "resources", "time", "id", "version", "$or"], StringComparer.Ordinal);

    private static readonly HashSet<string> SampleOnlyFields = new(["id", "time", "account", "region"], StringComparer.Ordinal);

    private static readonly HashSet<string> PolicyElements = new(["Version", "Id", "Statement"], StringComparer.OrdinalIgnoreCase);

    public static bool IsConfigFileName(string path) => ConfigFileNames.Contains(Path.GetFileName(path));

    public static DocumentKind Classify(Node root, string path)
    {
        if (IsConfigFileName(path))
        {
            return DocumentKind.PolicyGateConfig;
        }

        if (root is not ObjectNode obj)
        {
            return DocumentKind.Other;
        }

        if (IsTemplate(obj))
        {
            return DocumentKind.CloudFormationTemplate;
        }

        if (IsPolicy(obj))
        {
            return DocumentKind.IamPolicy;
        }

        return ClassifyEvent(obj);
    }

    private static bool IsTemplate(ObjectNode obj)
    {
        if (obj.Has("AWSTemplateFormatVersion"))
        {
            return true;
        }

        if (obj["Transform"] is { } transform && Mentions(transform, "AWS::Serverless"))
        {
            return true;
        }

        return obj["Resources"] is ObjectNode resources
            && resources.Properties.Any(p => p.Value is ObjectNode r && r["Type"] is ScalarNode { IsString: true } type && type.Value.Contains("::", StringComparison.Ordinal));
    }

    private static bool IsPolicy(ObjectNode obj)
    {
        if (obj.Properties.Any(p => p.Key.Equals("Statement", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // A policy whose Statement is missing: a policy version and nothing but policy elements.
        return obj.Properties.Any(p => p.Key.Equals("Version", StringComparison.OrdinalIgnoreCase)
                                       && p.Value is ScalarNode { Value: "2012-10-17" or "2008-10-17" })
               && obj.Properties.All(p => PolicyElements.Contains(p.Key));
    }

    private static DocumentKind ClassifyEvent(ObjectNode obj)
    {
        if (!obj.Properties.Any(p => EventEnvelopeFields.Contains(p.Key) || p.Key is "detailType" or "DetailType" or "Source" or "Detail"))
        {
            return DocumentKind.Other;
        }

        if (obj["source"] is ScalarNode { IsString: true } && obj["detail-type"] is ScalarNode { IsString: true })
        {
            // An event carries its envelope (id, time, account, region); without any of them this is a
            // pattern written with plain values instead of lists, which EventBridge rejects.
            return obj.Properties.Any(p => SampleOnlyFields.Contains(p.Key) && p.Value is ScalarNode)
                ? DocumentKind.EventSample
                : DocumentKind.EventPattern;
        }

        return HasArrayLeaf(obj) ? DocumentKind.EventPattern : DocumentKind.Other;
    }

    private static bool HasArrayLeaf(ObjectNode obj)
    {
        var pending = new Stack<Node>();
        pending.Push(obj);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ArrayNode:
                    return true;
                case ObjectNode o:
                    foreach (var p in o.Properties)
                    {
                        pending.Push(p.Value);
                    }

                    break;
            }
        }

        return false;
    }

    private static bool Mentions(Node node, string text) => node switch
    {
        ScalarNode s => s.Value.Contains(text, StringComparison.Ordinal),
        ArrayNode a => a.Items.Any(i => Mentions(i, text)),
        _ => false,
    };
}
