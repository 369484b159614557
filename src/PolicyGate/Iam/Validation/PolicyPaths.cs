using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Validation;

/// <summary>Finds Access Analyzer's location path (Statement, 0, Action, 2) of a node or key span in a policy tree.</summary>
public static class PolicyPaths
{
    public static ImmutableArray<PolicyPathElement> Find(Node root, SourceSpan span)
    {
        var path = new List<PolicyPathElement>();
        return Walk(root, span, path) ? [.. path] : [];
    }

    private static bool Walk(Node node, SourceSpan span, List<PolicyPathElement> path)
    {
        if (node.Span == span)
        {
            return true;
        }

        if (!node.Span.Contains(span) && node is not ChoiceNode)
        {
            return false;
        }

        switch (node)
        {
            case ObjectNode obj:
                foreach (var p in obj.Properties)
                {
                    if (p.KeySpan == span)
                    {
                        path.Add(new PolicyPathElement(Key: p.Key));
                        return true;
                    }

                    path.Add(new PolicyPathElement(Value: p.Key));
                    if (Walk(p.Value, span, path))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;
            case ArrayNode array:
                for (var i = 0; i < array.Items.Length; i++)
                {
                    path.Add(new PolicyPathElement(Index: i));
                    if (Walk(array.Items[i], span, path))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;
            case ChoiceNode choice:
                return choice.Alternatives.Any(a => Walk(a, span, path));
            default:
                return false;
        }
    }
}
