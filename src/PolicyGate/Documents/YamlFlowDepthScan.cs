namespace PolicyGate.Documents;

/// <summary>
/// A cheap pre-pass that finds YAML flow nesting (<c>[[[...</c>) beyond a limit before the real parser sees
/// it: the YAML scanner's cost per token grows with flow depth, so deep flow nesting is a denial of service.
/// It approximates YAML lexing (quotes, comments, where a flow collection may start); it only needs to be
/// exact for inputs that are actually that deep.
/// </summary>
internal static class YamlFlowDepthScan
{
    /// <summary>The offset of the bracket that goes past <paramref name="maxDepth"/>, or -1.</summary>
    public static int FindExcess(string text, int maxDepth)
    {
        var depth = 0;
        var i = 0;
        var atTokenStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\n' or '\r':
                    atTokenStart = true;
                    i++;
                    continue;
                case ' ' or '\t':
                    atTokenStart = true;
                    i++;
                    continue;
                case '#' when atTokenStart:
                    while (i < text.Length && text[i] is not ('\n' or '\r'))
                    {
                        i++;
                    }

                    continue;
                case '"' when atTokenStart:
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    i++;
                    atTokenStart = false;
                    continue;
                case '\'' when atTokenStart:
                    i++;
                    while (i < text.Length)
                    {
                        if (text[i] == '\'')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '\'')
                            {
                                i += 2;
                                continue;
                            }

                            break;
                        }

                        i++;
                    }

                    i++;
                    atTokenStart = false;
                    continue;
                case '[' or '{' when atTokenStart || depth > 0:
                    depth++;
                    if (depth > maxDepth)
                    {
                        return i;
                    }

                    i++;
                    atTokenStart = true;
                    continue;
                case ']' or '}' when depth > 0:
                    depth--;
                    i++;
                    atTokenStart = false;
                    continue;
                case ',' when depth > 0:
                    i++;
                    atTokenStart = true;
                    continue;
                case ':' or '-' or '?':
                    i++;
                    atTokenStart = i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r' || depth > 0;
                    continue;
                default:
                    i++;
                    atTokenStart = false;
                    continue;
            }
        }

        return -1;
    }
}
