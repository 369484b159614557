using System.Text;

namespace PolicyGate.EventBridge;

/// <summary>
/// Closes the JSON read so far: the text before a syntax error, with a dangling comma, key or colon removed
/// and the open containers closed. EventBridge's compiler reads patterns as a stream, so it reports a
/// pattern error it meets before a later syntax error; compiling the closed prefix finds that error.
/// </summary>
public static class TruncatedJson
{
    /// <summary>The closed prefix, or null when the cut falls inside a string or the brackets do not nest.</summary>
    public static string? Close(string text, int offset)
    {
        var open = new Stack<char>();
        var lastKeyStart = -1;
        var afterColon = false;
        var i = 0;
        while (i < offset)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    var start = i;
                    i++;
                    while (i < offset && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    if (i >= offset)
                    {
                        return null;
                    }

                    i++;
                    if (open.Count > 0 && open.Peek() == '}' && !afterColon)
                    {
                        lastKeyStart = start;
                    }

                    afterColon = false;
                    continue;
                case '{' or '[':
                    open.Push(c == '{' ? '}' : ']');
                    afterColon = false;
                    break;
                case '}' or ']':
                    if (open.Count == 0)
                    {
                        return null;
                    }

                    open.Pop();
                    afterColon = false;
                    break;
                case ':':
                    afterColon = true;
                    break;
                case ',':
                    afterColon = false;
                    break;
            }

            i++;
        }

        // A cut inside a number leaves it malformed; the caller then finds the prefix unreadable.
        var head = text[..offset].TrimEnd();
        if (head.EndsWith(','))
        {
            head = head[..^1].TrimEnd();
        }

        if (open.Count > 0 && open.Peek() == '}' && lastKeyStart >= 0 && (head.EndsWith(':') || head.EndsWith('"')) && KeyWithoutValue(head, lastKeyStart))
        {
            head = head[..lastKeyStart].TrimEnd().TrimEnd(',').TrimEnd();
        }

        var closed = new StringBuilder(head);
        while (open.Count > 0)
        {
            closed.Append(open.Pop());
        }

        return closed.ToString();
    }

    /// <summary>True when the text from the last key on is just that key (with or without its colon).</summary>
    private static bool KeyWithoutValue(string head, int keyStart)
    {
        if (keyStart >= head.Length)
        {
            return false;
        }

        var rest = head[keyStart..];
        var close = rest.IndexOf('"', 1);
        while (close > 0 && rest[close - 1] == '\\')
        {
            close = rest.IndexOf('"', close + 1);
        }

        return close > 0 && rest[(close + 1)..].Trim() is "" or ":";
    }
}
