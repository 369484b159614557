using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>Reading resolved properties whose values may be choices (Fn::If) or absent (AWS::NoValue).</summary>
public static class ResolvedProperties
{
    /// <summary>The objects of a list property with their indexes; a choice item yields each object alternative.</summary>
    public static IEnumerable<(int Index, ObjectNode Item)> Objects(Node? list)
    {
        if (list is null)
        {
            yield break;
        }

        foreach (var alternative in list.Alternatives())
        {
            var items = alternative switch
            {
                ArrayNode a => a.Items,
                ObjectNode o => [o],
                _ => [],
            };
            for (var i = 0; i < items.Length; i++)
            {
                foreach (var item in items[i].Alternatives().OfType<ObjectNode>())
                {
                    yield return (i, item);
                }
            }
        }
    }

    /// <summary>The known text of a property, or null when absent, unknown or not a string.</summary>
    public static string? Text(ObjectNode? properties, string name) =>
        properties?[name] is ScalarNode { HasUnknowns: false, Kind: ScalarKind.String or ScalarKind.Number } s ? s.Value : null;
}
