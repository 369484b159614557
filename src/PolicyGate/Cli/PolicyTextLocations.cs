using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;

namespace PolicyGate.Cli;

/// <summary>
/// Places a location Access Analyzer gave in the policy text it received onto the file the policy came from: by
/// line and column when the file's own text was sent, otherwise by the location's path (Statement, 0, Action)
/// through the located tree; the whole document when neither works.
/// </summary>
public static class PolicyTextLocations
{
    public static SourceLocation Locate(PolicyTextSpan span, Node root, bool sentAsWritten)
    {
        var path = root.File.Path;
        if (sentAsWritten && span.StartLine >= 1 && span.EndLine >= span.StartLine)
        {
            return new SourceLocation(path, new SourceSpan(span.StartLine, span.StartColumn + 1, span.EndLine, span.EndColumn + 1));
        }

        return new SourceLocation(path, Follow(root, span.Path));
    }

    /// <summary>The span the path leads to, or that of the last node it reached.</summary>
    private static SourceSpan Follow(Node root, IEnumerable<PolicyPathElement> steps)
    {
        var node = root;
        foreach (var step in steps)
        {
            switch (node, step)
            {
                case (ObjectNode obj, { Key: { } key }):
                    return obj.Property(key)?.KeySpan ?? obj.Span;
                case (ObjectNode obj, { Value: { } value }) when obj[value] is { } child:
                    node = child;
                    break;
                case (ArrayNode array, { Index: { } index }) when index < array.Items.Length:
                    node = array.Items[index];
                    break;
                case (ObjectNode, { Index: 0 }):
                    // A single statement written as an object is statement 0.
                    break;
                default:
                    return node.Span;
            }
        }

        return node.Span;
    }
}
