using System.Globalization;
using System.Text;
using PolicyGate.Documents;

namespace PolicyGate.Documents;

/// <summary>Compact JSON text of located nodes and strings: for messages, pattern lengths and CloudFormation values.</summary>
public static class JsonText
{
    /// <summary>A JSON string literal; non-ASCII text stays readable.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    /// <summary>The node as compact JSON (no spaces), numbers as written. Unknown values appear as strings.</summary>
    public static string Compact(Node node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    /// <summary>Compact JSON cut to a length suitable for a message.</summary>
    public static string Short(Node node, int max = 80)
    {
        var text = Compact(node);
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    private static void Append(StringBuilder builder, Node node)
    {
        switch (node)
        {
            case ObjectNode obj:
                builder.Append('{');
                for (var i = 0; i < obj.Properties.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    AppendQuoted(builder, obj.Properties[i].Key);
                    builder.Append(':');
                    Append(builder, obj.Properties[i].Value);
                }

                builder.Append('}');
                break;
            case ArrayNode array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Append(builder, array.Items[i]);
                }

                builder.Append(']');
                break;
            case ScalarNode { Kind: ScalarKind.Number } number:
                builder.Append(number.Value);
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } boolean:
                builder.Append(boolean.Value.Equals("true", StringComparison.OrdinalIgnoreCase) ? "true" : "false");
                break;
            case ScalarNode { Kind: ScalarKind.Null }:
                builder.Append("null");
                break;
            case ScalarNode scalar:
                AppendQuoted(builder, scalar.Value);
                break;
            case ChoiceNode choice:
                var first = choice.Alternatives().FirstOrDefault();
                if (first is null)
                {
                    builder.Append("null");
                }
                else
                {
                    Append(builder, first);
                }

                break;
            default:
                builder.Append("null");
                break;
        }
    }

    /// <summary>The text of a JSON string literal without its quotes.</summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        AppendEscaped(builder, value);
        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        AppendEscaped(builder, value);
        builder.Append('"');
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }
}
