using PolicyGate.Documents;

namespace PolicyGate.Checks.PolicyStructure;

/// <summary>The grammar facts the structural checks share: element names and how to walk statements.</summary>
internal static class PolicyElements
{
    public static readonly string[] TopLevel = ["Version", "Id", "Statement"];

    public static readonly string[] Statement = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    /// <summary>Every statement object of a policy document (choices expanded).</summary>
    public static IEnumerable<ObjectNode> Statements(Node document)
    {
        foreach (var doc in document.Alternatives())
        {
            if (doc is not ObjectNode root || root["Statement"] is not { } statement)
            {
                continue;
            }

            foreach (var value in statement.Alternatives())
            {
                switch (value)
                {
                    case ObjectNode single:
                        yield return single;
                        break;
                    case ArrayNode list:
                        foreach (var item in list.Items.SelectMany(i => i.Alternatives()).OfType<ObjectNode>())
                        {
                            yield return item;
                        }

                        break;
                }
            }
        }
    }

    /// <summary>The correctly cased element name when <paramref name="key"/> differs only by case, else null.</summary>
    public static string? CaseFix(string key, string[] names) =>
        names.FirstOrDefault(n => n.Equals(key, StringComparison.OrdinalIgnoreCase) && n != key);

    public static bool IsUnknownValue(Node node) => node is ScalarNode { Kind: ScalarKind.Unknown };
}
