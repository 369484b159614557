using System.Text;
using PolicyGate.Documents;
using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>A canonical text of a statement without its Sid (keys sorted), to find identical statements.</summary>
public static class StatementFingerprint
{
    /// <summary>The fingerprint, or null when the statement holds values not known offline.</summary>
    public static string? Of(PolicyStatement statement)
    {
        var text = new StringBuilder();
        return Write(statement.Node, text, skipSid: true) ? text.ToString() : null;
    }

    private static bool Write(Node node, StringBuilder text, bool skipSid = false)
    {
        switch (node)
        {
            case ObjectNode obj:
                text.Append('{');
                foreach (var p in obj.Properties.Where(p => !(skipSid && p.Key == "Sid")).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(p.Key.Length).Append(':').Append(p.Key).Append('=');
                    if (!Write(p.Value, text))
                    {
                        return false;
                    }
                }

                text.Append('}');
                return true;
            case ArrayNode array:
                text.Append('[');
                foreach (var item in array.Items)
                {
                    if (!Write(item, text))
                    {
                        return false;
                    }

                    text.Append(',');
                }

                text.Append(']');
                return true;
            case ScalarNode { HasUnknowns: false } s:
                text.Append((int)s.Kind).Append(s.Value.Length).Append(':').Append(s.Value);
                return true;
            default:
                return false;
        }
    }
}
