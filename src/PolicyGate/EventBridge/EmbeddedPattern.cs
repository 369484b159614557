using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.EventBridge;

/// <summary>
/// Reads a pattern given as a JSON string inside a template (EventPattern: '{"source": [...]}') into a
/// located tree whose spans point into the template itself, so findings land on the exact key or value.
/// Exact positions are kept for single-line strings (JSON, double- or single-quoted, plain; escapes
/// decoded) and literal block scalars (|); for other forms every node gets the string's span.
/// </summary>
public static class EmbeddedPattern
{
    public static PatternSource Parse(ScalarNode text)
    {
        var inner = PatternText.Parse(new SourceFile(text.File.Path, text.File.FullPath, text.Value));
        var map = PositionMap.For(text);
        var lines = LineIndex.Build(text.Value);
        SourceSpan Span(SourceSpan span) => map?.Map(lines.OffsetOf(span.Start), lines.OffsetOf(span.End)) ?? text.Span;

        var root = inner.Root is null ? null : Remap(inner.Root, text.File, Span);
        var error = inner.SyntaxError is { } e ? e with { Location = new SourceLocation(text.File.Path, Span(e.Location.Span)) } : null;
        var trailing = inner.TrailingText is { } t ? Span(t) : (SourceSpan?)null;
        return new PatternSource(root, error, trailing);
    }

    private static Node Remap(Node node, SourceFile file, Func<SourceSpan, SourceSpan> span) => node switch
    {
        ObjectNode o => o with
        {
            File = file,
            Span = span(o.Span),
            Properties = o.Properties.Select(p => new PropertyNode(p.Key, span(p.KeySpan), Remap(p.Value, file, span))).ToImmutableArray(),
        },
        ArrayNode a => a with { File = file, Span = span(a.Span), Items = a.Items.Select(i => Remap(i, file, span)).ToImmutableArray() },
        _ => node with { File = file, Span = span(node.Span) },
    };

    /// <summary>Where each character of a string value sits in the template.</summary>
    private sealed class PositionMap(SourcePosition[] starts, SourcePosition[] ends)
    {
        public SourceSpan Map(int start, int end)
        {
            if (starts.Length == 0)
            {
                return default;
            }

            start = Math.Clamp(start, 0, starts.Length - 1);
            var last = Math.Clamp(end - 1, start, ends.Length - 1);
            return SourceSpan.Between(starts[start], ends[last]);
        }

        public static PositionMap? For(ScalarNode text)
        {
            var source = text.File.Text;
            if (source is null || text.HasUnknowns || text.Value.Length == 0)
            {
                return null;
            }

            var lines = LineIndex.Build(source);
            var map = text.Style == ScalarStyle.Literal ? Literal(text, source, lines) : SingleLine(text, source, lines);
            return map is not null && map.Value.Starts.Length == text.Value.Length ? new PositionMap(map.Value.Starts, map.Value.Ends) : null;
        }

        private static (SourcePosition[] Starts, SourcePosition[] Ends)? SingleLine(ScalarNode text, string source, LineIndex lines)
        {
            var span = text.Span;
            if (span.StartLine != span.EndLine)
            {
                return null;
            }

            var quoted = text.Style is ScalarStyle.Json or ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted;
            var rawStart = lines.OffsetOf(span.Start) + (quoted ? 1 : 0);
            var rawEnd = lines.OffsetOf(span.End) - (quoted ? 1 : 0);
            var starts = new List<SourcePosition>();
            var ends = new List<SourcePosition>();
            var decoded = new System.Text.StringBuilder();
            for (var i = rawStart; i < rawEnd;)
            {
                var width = 1;
                char c;
                if (text.Style is ScalarStyle.Json or ScalarStyle.DoubleQuoted && source[i] == '\\')
                {
                    if (i + 1 >= rawEnd || !TryEscape(source, i, rawEnd, out c, out width))
                    {
                        return null;
                    }
                }
                else if (text.Style == ScalarStyle.SingleQuoted && source[i] == '\'' && i + 1 < rawEnd && source[i + 1] == '\'')
                {
                    c = '\'';
                    width = 2;
                }
                else
                {
                    c = source[i];
                }

                decoded.Append(c);
                starts.Add(lines.PositionOf(i));
                ends.Add(lines.PositionOf(i + width));
                i += width;
            }

            return decoded.ToString() == text.Value ? (starts.ToArray(), ends.ToArray()) : null;
        }

        private static bool TryEscape(string source, int at, int end, out char c, out int width)
        {
            width = 2;
            c = source[at + 1] switch
            {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => '\0',
            };
            if (c != '\0')
            {
                return true;
            }

            if (source[at + 1] == 'u' && at + 6 <= end && ushort.TryParse(source.AsSpan(at + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                c = (char)code;
                width = 6;
                return true;
            }

            return false;
        }

        /// <summary>A literal block (|): value line k is template line k after the indicator, shifted by the block's indentation.</summary>
        private static (SourcePosition[] Starts, SourcePosition[] Ends)? Literal(ScalarNode text, string source, LineIndex lines)
        {
            var valueLines = text.Value.Split('\n');
            var first = text.Span.StartLine + 1;
            var indent = -1;
            var starts = new List<SourcePosition>();
            var ends = new List<SourcePosition>();
            for (var k = 0; k < valueLines.Length; k++)
            {
                var value = valueLines[k];
                var line = first + k;
                if (line > lines.LineCount)
                {
                    // The value's final line break has no content of its own.
                    if (value.Length > 0)
                    {
                        return null;
                    }

                    break;
                }

                var lineStart = lines.LineStart(line);
                var lineEnd = line < lines.LineCount ? lines.LineStart(line + 1) : source.Length;
                var raw = source[lineStart..lineEnd].TrimEnd('\n', '\r');
                if (value.Length > 0)
                {
                    if (indent < 0)
                    {
                        indent = raw.Length - raw.TrimStart(' ').Length;
                    }

                    if (raw.Length < indent + value.Length || string.CompareOrdinal(raw, indent, value, 0, value.Length) != 0)
                    {
                        return null;
                    }

                    for (var col = 0; col < value.Length; col++)
                    {
                        starts.Add(new SourcePosition(line, indent + col + 1));
                        ends.Add(new SourcePosition(line, indent + col + 2));
                    }
                }

                if (k < valueLines.Length - 1)
                {
                    // The line break itself.
                    starts.Add(new SourcePosition(line, raw.Length + 1));
                    ends.Add(new SourcePosition(line, raw.Length + 2));
                }
            }

            return (starts.ToArray(), ends.ToArray());
        }
    }
}
