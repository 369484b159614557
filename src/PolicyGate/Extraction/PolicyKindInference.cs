using PolicyGate.Documents;

namespace PolicyGate.Extraction;

/// <summary>
/// The kind of a standalone policy file, from its content: statements with a principal make a resource
/// policy, and a resource policy that only grants role assumption is a trust policy.
/// </summary>
public static class PolicyKindInference
{
    public static PolicyKind Infer(Node document)
    {
        var statements = document is ObjectNode obj ? obj["Statement"] : null;
        var list = statements switch
        {
            ArrayNode a => a.Items.OfType<ObjectNode>().ToList(),
            ObjectNode o => [o],
            _ => [],
        };
        var withPrincipal = list.Where(s => s.Has("Principal") || s.Has("NotPrincipal")).ToList();
        if (withPrincipal.Count == 0)
        {
            return PolicyKind.Identity;
        }

        var actions = withPrincipal.SelectMany(s => Strings(s["Action"])).ToList();
        return actions.Count > 0 && actions.All(a => a.StartsWith("sts:AssumeRole", StringComparison.OrdinalIgnoreCase)
                                                     || a.Equals("sts:TagSession", StringComparison.OrdinalIgnoreCase)
                                                     || a.Equals("sts:SetSourceIdentity", StringComparison.OrdinalIgnoreCase))
            ? PolicyKind.Trust
            : PolicyKind.Resource;
    }

    private static IEnumerable<string> Strings(Node? node) => node switch
    {
        ScalarNode { IsString: true } s => [s.Value],
        ArrayNode a => a.Items.OfType<ScalarNode>().Where(s => s.IsString).Select(s => s.Value),
        _ => [],
    };
}
