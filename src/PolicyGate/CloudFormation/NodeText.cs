using System.Globalization;
using System.Text;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>Text forms of resolved values: a canonical key for comparing them, and JSON for Fn::ToJsonString.</summary>
public static class NodeText
{
    /// <summary>A string that is equal for equal values (spans ignored); unknowns and choices are marked.</summary>
    public static string Canonical(Node node)
    {
        var text = new UnknownAwareText();
        WriteJson(node, text, canonical: true);
        return text.ToString();
    }

    /// <summary>
    /// Writes a value as compact JSON, as Fn::ToJsonString does. Unknown parts become unknown segments of the
    /// text; a choice is unknown as a whole (which branch applies is not known).
    /// </summary>
    public static void WriteJson(Node node, UnknownAwareText text, bool canonical = false)
    {
        switch (node)
        {
            case ObjectNode o:
                text.Append("{");
                for (var i = 0; i < o.Properties.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(",");
                    }

                    text.Append(JsonText.Quote(o.Properties[i].Key)).Append(":");
                    WriteJson(o.Properties[i].Value, text, canonical);
                }

                text.Append("}");
                break;
            case ArrayNode a:
                text.Append("[");
                for (var i = 0; i < a.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(",");
                    }

                    WriteJson(a.Items[i], text, canonical);
                }

                text.Append("]");
                break;
            case ScalarNode { Kind: ScalarKind.Unknown } unknown:
                if (canonical)
                {
                    text.Append("?" + unknown.Value);
                }
                else
                {
                    // Written as a string: the most common case, and it keeps the JSON well formed.
                    text.Append("\"").AppendUnknown(unknown.Value.Trim('{', '?', '}'), unknown.Unknowns.IsDefaultOrEmpty ? "unknown value" : unknown.Unknowns[0].Reason).Append("\"");
                }

                break;
            case ScalarNode { Kind: ScalarKind.String } s:
                WriteString(s, text);
                break;
            case ScalarNode { Kind: ScalarKind.Number } n:
                text.Append(decimal.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? n.Value : JsonText.Quote(n.Value));
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } b:
                text.Append(b.Value.ToLowerInvariant());
                break;
            case ScalarNode:
                text.Append("null");
                break;
            case ChoiceNode c when canonical:
                text.Append("(");
                foreach (var alternative in c.Alternatives)
                {
                    WriteJson(alternative, text, canonical);
                    text.Append("|");
                }

                text.Append(")");
                break;
            case ChoiceNode c:
                text.Append("\"").AppendUnknown("choice", c.Reason).Append("\"");
                break;
            default:
                text.Append(canonical ? "(absent)" : "null");
                break;
        }
    }

    private static void WriteString(ScalarNode s, UnknownAwareText text)
    {
        if (s.Unknowns.IsDefaultOrEmpty)
        {
            text.Append(JsonText.Quote(s.Value));
            return;
        }

        // Escape the known parts; keep each unknown placeholder as one unknown segment inside the quotes.
        text.Append("\"");
        var at = 0;
        foreach (var segment in s.Unknowns.OrderBy(u => u.Start))
        {
            if (segment.Start < at)
            {
                continue;
            }

            text.Append(JsonText.Escape(s.Value[at..segment.Start]));
            text.AppendUnknown(s.Value.Substring(segment.Start, segment.Length).Trim('{', '?', '}'), segment.Reason);
            at = segment.Start + segment.Length;
        }

        text.Append(JsonText.Escape(s.Value[at..])).Append("\"");
    }

}
