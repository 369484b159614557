namespace PolicyGate.Documents;

public static class NodeAlternatives
{
    /// <summary>
    /// The concrete values a node may take: itself, or for a <see cref="ChoiceNode"/> each alternative
    /// (flattened). <see cref="AbsentNode"/> alternatives are left out: they mean "no value here".
    /// </summary>
    public static IEnumerable<Node> Alternatives(this Node node)
    {
        if (node is ChoiceNode choice)
        {
            foreach (var alternative in choice.Alternatives)
            {
                foreach (var inner in alternative.Alternatives())
                {
                    yield return inner;
                }
            }
        }
        else if (node is not AbsentNode)
        {
            yield return node;
        }
    }

    /// <summary>A one-character span at the node's start: where findings about something missing inside it point.</summary>
    public static SourceLocation StartLocation(this Node node) =>
        new(node.File.Path, SourceSpan.At(node.Span.StartLine, node.Span.StartColumn));
}
