using System.Collections.Immutable;
using System.Globalization;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>The template's text with its line index, built once per template for mapping spans into strings.</summary>
public sealed class TemplateText(SourceFile file)
{
    private LineIndex? _lines;

    public string Text { get; } = file.Text ?? string.Empty;

    public LineIndex Lines => _lines ??= LineIndex.Build(Text);
}

/// <summary>A policy or pattern parsed from a JSON string, or why it could not be.</summary>
public sealed record EmbeddedJsonResult(Node? Document, bool ExactSpans, TemplateDiagnostic? Problem);

/// <summary>
/// Parses a JSON document given as a string value of a template (a policy in <c>AWS::Logs::ResourcePolicy</c>,
/// an EventPattern string, ...) with the project's JSON parser, and maps every node's span back into the
/// template text. The mapping is exact when the string is written literally as a JSON string, a one-line
/// YAML plain, single- or double-quoted scalar, or a YAML literal block (<c>|</c>): each decoded character
/// is traced to its source character, escapes included. Otherwise (folded or multi-line flow scalars, and
/// strings built by Fn::Sub or Fn::Join) every node gets the span of the whole string. Unknown parts of a
/// built string stay unknown segments of the string values they land in.
/// </summary>
public static class EmbeddedJson
{
    public static EmbeddedJsonResult Parse(ScalarNode value, TemplateText source, string what)
    {
        var text = value.Value;
        var map = SourceMap.For(value, source);
        var virtualFile = new SourceFile(value.File.Path, value.File.FullPath, text);
        var virtualLines = LineIndex.Build(text);
        var loaded = JsonDocumentParser.Parse(virtualFile, text, LoadLimits.Default, virtualLines);
        if (loaded.Documents.IsEmpty)
        {
            var problem = loaded.Diagnostics.FirstOrDefault();
            var offset = problem is null ? 0 : virtualLines.OffsetOf(problem.Span.Start);
            if (value.Unknowns.Any(u => offset >= u.Start && offset <= u.Start + u.Length) || (problem is null && value.HasUnknowns))
            {
                // The text is broken only where an unknown value goes: the document is not known offline.
                return new EmbeddedJsonResult(UnknownValues.Scalar(value, what, $"the {what} is built from values not known offline"), false, null);
            }

            var span = map is null ? value.Span : map.SpanOf(offset, Math.Min(text.Length, offset + 1), source.Lines);
            var message = problem is null ? $"the {what} string is empty" : $"the {what} string is not valid JSON: {problem.Message}";
            return new EmbeddedJsonResult(null, map is not null, new TemplateDiagnostic(TemplateDiagnosticKind.InvalidEmbeddedJson, message, span));
        }

        var remapped = Remap(loaded.Documents[0], value, map, virtualLines, source.Lines);
        return new EmbeddedJsonResult(remapped, map is not null, null);
    }

    /// <summary>
    /// The span of characters [start, end) of a string value as written in the template, when the string's
    /// style allows exact mapping (see the class summary); otherwise the span of the whole value.
    /// </summary>
    public static SourceSpan SpanWithin(ScalarNode value, int start, int end, TemplateText source) =>
        SourceMap.For(value, source) is { } map ? map.SpanOf(start, end, source.Lines) : value.Span;

    private static Node Remap(Node node, ScalarNode host, SourceMap? map, LineIndex virtualLines, LineIndex lines)
    {
        SourceSpan SpanOf(SourceSpan span) =>
            map is null ? host.Span : map.SpanOf(virtualLines.OffsetOf(span.Start), virtualLines.OffsetOf(span.End), lines);

        switch (node)
        {
            case ObjectNode o:
                return new ObjectNode(host.File, SpanOf(o.Span),
                    o.Properties.Select(p => new PropertyNode(p.Key, SpanOf(p.KeySpan), Remap(p.Value, host, map, virtualLines, lines))).ToImmutableArray());
            case ArrayNode a:
                return new ArrayNode(host.File, SpanOf(a.Span), a.Items.Select(i => Remap(i, host, map, virtualLines, lines)).ToImmutableArray());
            case ScalarNode s:
                var located = s with { File = host.File, Span = SpanOf(s.Span) };
                return host.Unknowns.IsDefaultOrEmpty || !s.IsString ? located : located with { Unknowns = UnknownsIn(s.Value, host) };
            default:
                return node;
        }
    }

    /// <summary>The unknown placeholders of the host string that occur in a value parsed out of it.</summary>
    private static ImmutableArray<UnknownSegment> UnknownsIn(string value, ScalarNode host)
    {
        var result = ImmutableArray.CreateBuilder<UnknownSegment>();
        foreach (var segment in host.Unknowns)
        {
            var placeholder = host.Value.Substring(segment.Start, segment.Length);
            for (var at = value.IndexOf(placeholder, StringComparison.Ordinal); at >= 0; at = value.IndexOf(placeholder, at + placeholder.Length, StringComparison.Ordinal))
            {
                result.Add(new UnknownSegment(at, placeholder.Length, segment.Reason));
            }
        }

        return result.OrderBy(s => s.Start).DistinctBy(s => s.Start).ToImmutableArray();
    }

    /// <summary>For each character of a decoded string, the source offsets where it starts and ends.</summary>
    private sealed class SourceMap(int[] starts, int[] ends)
    {
        public SourceSpan SpanOf(int startOffset, int endOffset, LineIndex lines)
        {
            if (starts.Length == 0)
            {
                return lines.SpanOf(0, 0);
            }

            var first = Math.Clamp(startOffset, 0, starts.Length - 1);
            var last = Math.Clamp(endOffset - 1, first, ends.Length - 1);
            return lines.SpanOf(starts[first], ends[last]);
        }

        public static SourceMap? For(ScalarNode value, TemplateText source)
        {
            if (value.Style == ScalarStyle.Synthesized || source.Text.Length == 0)
            {
                return null;
            }

            var lines = source.Lines;
            var begin = lines.OffsetOf(value.Span.Start);
            var end = lines.OffsetOf(value.Span.End);
            if (begin < 0 || end > source.Text.Length || begin > end)
            {
                return null;
            }

            var singleLine = value.Span.StartLine == value.Span.EndLine;
            var map = value.Style switch
            {
                ScalarStyle.Json => Escaped(source.Text, begin + 1, end - 1, yaml: false),
                ScalarStyle.DoubleQuoted when singleLine => Escaped(source.Text, begin + 1, end - 1, yaml: true),
                ScalarStyle.SingleQuoted when singleLine => SingleQuoted(source.Text, begin + 1, end - 1),
                ScalarStyle.Plain when singleLine => Identity(begin, end),
                ScalarStyle.Literal => LiteralBlock(source.Text, lines, value),
                _ => null,
            };

            // Keep the map only if it accounts for every decoded character.
            return map is not null && map.Value.Starts.Length == value.Value.Length ? new SourceMap(map.Value.Starts, map.Value.Ends) : null;
        }

        private static (int[] Starts, int[] Ends)? Identity(int begin, int end) =>
            (Enumerable.Range(begin, end - begin).ToArray(), Enumerable.Range(begin + 1, end - begin).ToArray());

        private static (int[] Starts, int[] Ends)? SingleQuoted(string text, int begin, int end)
        {
            var starts = new List<int>();
            var ends = new List<int>();
            for (var i = begin; i < end; i++)
            {
                starts.Add(i);
                if (text[i] == '\'' && i + 1 < end && text[i + 1] == '\'')
                {
                    i++;
                }

                ends.Add(i + 1);
            }

            return (starts.ToArray(), ends.ToArray());
        }

        /// <summary>JSON escapes, plus YAML's <c>\xHH</c> and <c>\UHHHHHHHH</c> in double-quoted YAML.</summary>
        private static (int[] Starts, int[] Ends)? Escaped(string text, int begin, int end, bool yaml)
        {
            var starts = new List<int>();
            var ends = new List<int>();
            for (var i = begin; i < end; i++)
            {
                if (text[i] != '\\' || i + 1 >= end)
                {
                    starts.Add(i);
                    ends.Add(i + 1);
                    continue;
                }

                var kind = text[i + 1];
                var length = kind switch
                {
                    'u' => 6,
                    'x' when yaml => 4,
                    'U' when yaml => 10,
                    _ => 2,
                };
                var produced = 1;
                if (kind == 'U' && yaml && i + length <= end
                    && int.TryParse(text.AsSpan(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code > 0xFFFF)
                {
                    produced = 2;
                }

                for (var k = 0; k < produced; k++)
                {
                    starts.Add(i);
                    ends.Add(Math.Min(end, i + length));
                }

                i += length - 1;
            }

            return (starts.ToArray(), ends.ToArray());
        }

        /// <summary>A literal block keeps lines as written minus the indentation; map each line back.</summary>
        private static (int[] Starts, int[] Ends)? LiteralBlock(string text, LineIndex lines, ScalarNode value)
        {
            var decoded = value.Value.Split('\n');
            var starts = new List<int>();
            var ends = new List<int>();
            var line = value.Span.StartLine + 1;
            for (var k = 0; k < decoded.Length; k++, line++)
            {
                var content = decoded[k];
                if (k == decoded.Length - 1 && content.Length == 0)
                {
                    break;
                }

                var lineStart = lines.LineStart(line);
                var lineEnd = line < lines.LineCount ? lines.LineStart(line + 1) : text.Length;
                var raw = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd("\r\n");
                var indent = raw.Length - content.Length;
                if (indent < 0 || !raw[indent..].SequenceEqual(content))
                {
                    return null;
                }

                for (var c = 0; c < content.Length; c++)
                {
                    starts.Add(lineStart + indent + c);
                    ends.Add(lineStart + indent + c + 1);
                }

                if (k < decoded.Length - 1)
                {
                    // The line break itself: point at the end of the line.
                    starts.Add(lineStart + raw.Length);
                    ends.Add(lineStart + raw.Length);
                }
            }

            return (starts.ToArray(), ends.ToArray());
        }
    }
}
