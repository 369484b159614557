using System.Text;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Validation;

/// <summary>
/// The size IAM counts for its policy quotas: characters of the policy as minified JSON (whitespace outside
/// strings does not count). Computed from the tree, so a policy written in YAML counts as the JSON AWS receives.
/// </summary>
public static class PolicySize
{
    public static int Of(Node node)
    {
        var size = 0;
        var pending = new Stack<Node>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ObjectNode obj:
                    size += 2 + Math.Max(0, obj.Properties.Length - 1);
                    foreach (var p in obj.Properties)
                    {
                        size += StringLength(p.Key) + 1;
                        pending.Push(p.Value);
                    }

                    break;
                case ArrayNode array:
                    size += 2 + Math.Max(0, array.Items.Length - 1);
                    foreach (var item in array.Items)
                    {
                        pending.Push(item);
                    }

                    break;
                case ChoiceNode choice:
                    // The largest alternative decides whether the policy can exceed the quota.
                    size += choice.Alternatives.Select(Of).DefaultIfEmpty(0).Max();
                    break;
                case ScalarNode { Kind: ScalarKind.String or ScalarKind.Unknown } s:
                    size += StringLength(s.Value);
                    break;
                case ScalarNode s:
                    size += s.Value.Length;
                    break;
            }
        }

        return size;
    }

    private static int StringLength(string text)
    {
        var length = 2;
        foreach (var c in text)
        {
            length += c is '"' or '\\' or '\n' or '\r' or '\t' ? 2 : c < ' ' ? 6 : 1;
        }

        return length;
    }
}
