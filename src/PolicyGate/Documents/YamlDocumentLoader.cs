using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PolicyGate.Documents;

/// <summary>
/// Builds located nodes from YAML parser events. CloudFormation short-form tags become their long forms,
/// anchors and aliases are shared (not copied) with a bound on the expanded size, <c>&lt;&lt;</c> merge keys
/// are applied, and every node's span is trimmed to its content (the raw parser marks overshoot for block
/// collections and block scalars).
/// </summary>
public sealed partial class YamlDocumentLoader
{
    private readonly SourceFile _file;
    private readonly string _text;
    private readonly LineIndex _lines;
    private readonly LoadLimits _limits;
    private readonly List<DocumentDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, (Node Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private long _aliasExpansion;
    private Mark _lastMark = new(0, 1, 1);

    private YamlDocumentLoader(SourceFile file, string text, LineIndex lines, LoadLimits limits)
    {
        _file = file;
        _text = text;
        _lines = lines;
        _limits = limits;
    }

    public static LoadedFile Load(SourceFile file, string text, LoadLimits? limits = null, LineIndex? lines = null)
    {
        limits ??= LoadLimits.Default;
        lines ??= LineIndex.Build(text);
        var excess = YamlFlowDepthScan.FindExcess(text, limits.MaxYamlFlowDepth);
        if (excess >= 0)
        {
            return LoadedFile.Failed(file, DocumentFormat.Yaml, new DocumentDiagnostic(
                DiagnosticKind.NestingTooDeep,
                $"YAML flow collections nested deeper than {limits.MaxYamlFlowDepth} levels; the file is not checked further",
                lines.SpanOf(excess, excess + 1)));
        }

        var loader = new YamlDocumentLoader(file, text, lines, limits);
        var documents = ImmutableArray.CreateBuilder<Node>();
        try
        {
            loader.ReadStream(documents);
        }
        catch (YamlException ex)
        {
            documents.Clear();
            loader._diagnostics.Add(new DocumentDiagnostic(DiagnosticKind.SyntaxError, CleanMessage(ex), loader.Refine(ex)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet throws these for some malformed inputs; the last event it produced is the best location.
            documents.Clear();
            loader._diagnostics.Add(new DocumentDiagnostic(
                DiagnosticKind.SyntaxError,
                "invalid YAML: the parser could not continue after this point",
                SourceSpan.At((int)loader._lastMark.Line, (int)loader._lastMark.Column)));
        }
        catch (ParseTimeoutException ex)
        {
            documents.Clear();
            loader._diagnostics.Add(new DocumentDiagnostic(DiagnosticKind.SyntaxError, ex.Message, SourceSpan.FileStart));
        }
        catch (LoadAbortedException)
        {
            documents.Clear();
        }

        return new LoadedFile(file, DocumentFormat.Yaml, documents.ToImmutable(), loader._diagnostics.ToImmutableArray());
    }

    private sealed class Frame
    {
        public required bool IsMapping { get; init; }
        public required bool IsFlow { get; init; }
        public required int ContentStart { get; init; }
        public required string? Anchor { get; init; }
        public required string? Tag { get; init; }
        public required int TagStart { get; init; }
        public long Size { get; set; } = 1;
        public ImmutableArray<Node>.Builder Items { get; } = ImmutableArray.CreateBuilder<Node>();
        public ImmutableArray<PropertyNode>.Builder Properties { get; } = ImmutableArray.CreateBuilder<PropertyNode>();
        public List<Node>? Merges { get; set; }
        public Dictionary<string, ScalarNode>? SeenKeys { get; set; }
        public ScalarNode? PendingKey { get; set; }
        public bool ExpectingKey { get; set; } = true;

        /// <summary>Offset just after the last child as written here (an alias's own text, not its target's).</summary>
        public int LastEnd { get; set; } = -1;
    }

    private void ReadStream(ImmutableArray<Node>.Builder documents)
    {
        var parser = new Parser(new Scanner(new DeadlineTextReader(_text, _limits.ParseTimeout), skipComments: true));
        var stack = new Stack<Frame>();
        Node? root = null;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            _lastMark = ev.End;
            switch (ev)
            {
                case DocumentStart:
                    root = null;
                    _anchors.Clear();
                    _aliasExpansion = 0;
                    break;
                case DocumentEnd:
                    if (root is not null)
                    {
                        documents.Add(root);
                    }

                    break;
                case Scalar scalar:
                {
                    var node = MakeScalar(scalar);
                    Attach(stack, node, 1, _lines.OffsetOf(node.Span.End), ref root);
                    break;
                }
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                    {
                        throw Abort(DiagnosticKind.SyntaxError, $"alias *{alias.Value.Value} refers to an anchor that is not defined before it", alias.Start);
                    }

                    _aliasExpansion += anchored.Size;
                    if (_aliasExpansion > _limits.MaxExpandedNodes)
                    {
                        throw Abort(
                            DiagnosticKind.AliasExpansionLimit,
                            $"aliases expand to more than {_limits.MaxExpandedNodes:N0} nodes (a YAML alias bomb?); the file is not checked further",
                            alias.Start);
                    }

                    Attach(stack, anchored.Node, anchored.Size, (int)alias.End.Index, ref root);
                    break;
                case SequenceStart seq:
                    Push(stack, seq, isMapping: false, isFlow: seq.Style == SequenceStyle.Flow);
                    break;
                case MappingStart map:
                    Push(stack, map, isMapping: true, isFlow: map.Style == MappingStyle.Flow);
                    break;
                case SequenceEnd or MappingEnd:
                {
                    var frame = stack.Pop();
                    var node = Close(frame, ev);
                    if (frame.Anchor is not null)
                    {
                        _anchors[frame.Anchor] = (node, frame.Size);
                    }

                    Attach(stack, node, frame.Size, _lines.OffsetOf(node.Span.End), ref root);
                    break;
                }
            }
        }
    }

    private void Push(Stack<Frame> stack, NodeEvent ev, bool isMapping, bool isFlow)
    {
        if (stack.Count >= _limits.MaxDepth)
        {
            throw Abort(DiagnosticKind.NestingTooDeep, $"nesting deeper than {_limits.MaxDepth} levels; the file is not checked further", ev.Start);
        }

        var tag = ShortFormTag(ev);
        stack.Push(new Frame
        {
            IsMapping = isMapping,
            IsFlow = isFlow,
            ContentStart = SkipNodeProperties((int)ev.Start.Index),
            Anchor = ev.Anchor.IsEmpty ? null : ev.Anchor.Value,
            Tag = tag,
            TagStart = (int)ev.Start.Index,
        });
    }

    private Node Close(Frame frame, ParsingEvent end)
    {
        int endOffset;
        if (frame.IsFlow)
        {
            // The end event sits on the closing bracket.
            endOffset = (int)end.Start.Index + 1;
        }
        else
        {
            endOffset = frame.LastEnd < 0 ? frame.ContentStart : frame.LastEnd;
        }

        var span = _lines.SpanOf(frame.ContentStart, Math.Max(endOffset, frame.ContentStart));
        Node node;
        if (frame.IsMapping)
        {
            if (frame.PendingKey is not null)
            {
                // A key with no value event cannot happen with YamlDotNet, but stay total.
                frame.Properties.Add(new PropertyNode(frame.PendingKey.Value, frame.PendingKey.Span, new ScalarNode(_file, frame.PendingKey.Span, ScalarKind.Null, "null", ScalarStyle.Plain)));
            }

            node = new ObjectNode(_file, span, ApplyMerges(frame));
        }
        else
        {
            node = new ArrayNode(_file, span, frame.Items.ToImmutable());
        }

        return WrapShortForm(frame.Tag, frame.TagStart, node);
    }

    private ImmutableArray<PropertyNode> ApplyMerges(Frame frame)
    {
        if (frame.Merges is null)
        {
            return frame.Properties.ToImmutable();
        }

        // YAML merge keys: explicit keys win, then earlier merged mappings win over later ones.
        var result = frame.Properties.ToList();
        var present = new HashSet<string>(result.Select(p => p.Key), StringComparer.Ordinal);
        foreach (var merged in frame.Merges)
        {
            var sources = merged switch
            {
                ObjectNode o => [o],
                ArrayNode a => a.Items.OfType<ObjectNode>().ToList(),
                _ => new List<ObjectNode>(),
            };
            foreach (var source in sources)
            {
                foreach (var property in source.Properties)
                {
                    if (present.Add(property.Key))
                    {
                        result.Add(property);
                    }
                }
            }
        }

        return result.ToImmutableArray();
    }

    private void Attach(Stack<Frame> stack, Node node, long size, int endOffset, ref Node? root)
    {
        if (stack.Count == 0)
        {
            root = node;
            return;
        }

        var frame = stack.Peek();
        frame.Size += size;
        frame.LastEnd = Math.Max(frame.LastEnd, endOffset);
        if (!frame.IsMapping)
        {
            frame.Items.Add(node);
            return;
        }

        if (frame.ExpectingKey)
        {
            if (node is not ScalarNode key)
            {
                throw Abort(DiagnosticKind.SyntaxError, "a mapping key must be a plain value, not a collection", node.Span.Start);
            }

            frame.PendingKey = key;
            frame.ExpectingKey = false;
            return;
        }

        var pending = frame.PendingKey!;
        frame.PendingKey = null;
        frame.ExpectingKey = true;
        if (pending.Value == "<<" && pending.Style == ScalarStyle.Plain)
        {
            (frame.Merges ??= []).Add(node);
            return;
        }

        // Keyed to the key node (a class): generic collections over a struct are compiled at startup on every run.
        frame.SeenKeys ??= new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        if (frame.SeenKeys.TryGetValue(pending.Value, out var firstKey))
        {
            var first = firstKey.Span;
            _diagnostics.Add(new DocumentDiagnostic(
                DiagnosticKind.DuplicateKey,
                $"duplicate key \"{pending.Value}\" (first at line {first.StartLine}, column {first.StartColumn}); YAML readers disagree on which value wins",
                pending.Span));
        }
        else
        {
            frame.SeenKeys[pending.Value] = pending;
        }

        frame.Properties.Add(new PropertyNode(pending.Value, pending.Span, node));
    }

    private Node MakeScalar(Scalar scalar)
    {
        var tagStart = (int)scalar.Start.Index;
        var contentStart = SkipNodeProperties(tagStart);
        var endOffset = (int)scalar.End.Index;
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded)
        {
            // Block scalars end where the next token starts; trim back to the last content character.
            while (endOffset > contentStart && _text[endOffset - 1] is '\n' or '\r' or ' ' or '\t')
            {
                endOffset--;
            }
        }

        var span = _lines.SpanOf(contentStart, Math.Max(endOffset, contentStart));
        var style = scalar.Style switch
        {
            YamlDotNet.Core.ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            YamlDotNet.Core.ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            YamlDotNet.Core.ScalarStyle.Literal => ScalarStyle.Literal,
            YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };
        var shortForm = ShortFormTag(scalar);
        var explicitTag = shortForm is null && !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific ? scalar.Tag.Value : null;
        var kind = ResolveKind(scalar.Value, style, explicitTag);
        Node node = new ScalarNode(_file, span, kind, kind == ScalarKind.Null ? "null" : scalar.Value, style) { Tag = ShortTagName(explicitTag) };
        if (shortForm == "!GetAtt" && kind == ScalarKind.String)
        {
            node = SplitGetAtt((ScalarNode)node);
        }

        node = WrapShortForm(shortForm, tagStart, node);
        if (!scalar.Anchor.IsEmpty)
        {
            _anchors[scalar.Anchor.Value] = (node, 1);
        }

        return node;
    }

    /// <summary><c>!GetAtt Res.Attr.Sub</c> is <c>["Res", "Attr.Sub"]</c>; the parts get their own spans when the text allows.</summary>
    private ArrayNode SplitGetAtt(ScalarNode scalar)
    {
        var dot = scalar.Value.IndexOf('.');
        if (dot < 0)
        {
            return new ArrayNode(_file, scalar.Span, [scalar]);
        }

        var resource = scalar.Value[..dot];
        var attribute = scalar.Value[(dot + 1)..];
        var resourceSpan = scalar.Span;
        var attributeSpan = scalar.Span;
        var singleLine = scalar.Span.StartLine == scalar.Span.EndLine;
        var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        if (singleLine && scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
            && scalar.Span.EndColumn - scalar.Span.StartColumn == scalar.Value.Length + (2 * quote))
        {
            var col = scalar.Span.StartColumn + quote;
            resourceSpan = new SourceSpan(scalar.Span.StartLine, col, scalar.Span.StartLine, col + dot);
            attributeSpan = new SourceSpan(scalar.Span.StartLine, col + dot + 1, scalar.Span.StartLine, col + scalar.Value.Length);
        }

        return new ArrayNode(_file, scalar.Span,
        [
            scalar with { Span = resourceSpan, Value = resource },
            scalar with { Span = attributeSpan, Value = attribute },
        ]);
    }

    private Node WrapShortForm(string? tag, int tagStart, Node value)
    {
        if (tag is null)
        {
            return value;
        }

        var keySpan = _lines.SpanOf(tagStart, tagStart + tag.Length);
        var span = SourceSpan.Between(keySpan.Start, value.Span.End);
        return new ObjectNode(_file, span, [new PropertyNode(CloudFormationShortForms.LongFormOf(tag)!, keySpan, value)]);
    }

    private static string? ShortFormTag(NodeEvent ev)
    {
        if (ev.Tag.IsEmpty || ev.Tag.IsNonSpecific)
        {
            return null;
        }

        var tag = ev.Tag.Value;
        return CloudFormationShortForms.LongFormOf(tag) is null ? null : tag;
    }

    private static string? ShortTagName(string? tag) =>
        tag is not null && tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private static ScalarKind ResolveKind(string value, ScalarStyle style, string? tag)
    {
        switch (ShortTagName(tag))
        {
            case "!!str":
                return ScalarKind.String;
            case "!!int" or "!!float":
                return ScalarKind.Number;
            case "!!bool":
                return ScalarKind.Boolean;
            case "!!null":
                return ScalarKind.Null;
            case not null:
                return ScalarKind.String;
        }

        if (style != ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }

        // The YAML 1.2 core schema.
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            _ when CoreNumber().IsMatch(value) => ScalarKind.Number,
            _ => ScalarKind.String,
        };
    }

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreNumber();

    /// <summary>Skips anchors (<c>&amp;a</c>), tags (<c>!Ref</c>) and whitespace before a node's content.</summary>
    private int SkipNodeProperties(int offset)
    {
        var i = offset;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c is '&' or '!')
            {
                while (i < _text.Length && _text[i] is not (' ' or '\t' or '\n' or '\r' or '[' or '{'))
                {
                    i++;
                }
            }
            else if (c is ' ' or '\t' or '\n' or '\r')
            {
                i++;
            }
            else if (c == '#' && i > offset && _text[i - 1] is ' ' or '\t' or '\n' or '\r')
            {
                while (i < _text.Length && _text[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        // Only skip past properties that were actually there; plain content starting at offset stays put.
        return i == offset || i >= _text.Length ? offset : i;
    }

    private LoadAbortedException Abort(DiagnosticKind kind, string message, Mark at)
    {
        _diagnostics.Add(new DocumentDiagnostic(kind, message, SourceSpan.At((int)at.Line, (int)at.Column)));
        return new LoadAbortedException();
    }

    private LoadAbortedException Abort(DiagnosticKind kind, string message, SourcePosition at)
    {
        _diagnostics.Add(new DocumentDiagnostic(kind, message, SourceSpan.At(at.Line, at.Column)));
        return new LoadAbortedException();
    }

    /// <summary>YamlDotNet places tab-indentation errors at the start of the mapping; point at the tab instead.</summary>
    private SourceSpan Refine(YamlException ex)
    {
        var span = SpanOfMark(ex.Start, ex.End);
        if (!ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return span;
        }

        for (var line = Math.Max(1, span.StartLine); line <= _lines.LineCount; line++)
        {
            var offset = _lines.LineStart(line);
            while (offset < _text.Length && _text[offset] == ' ')
            {
                offset++;
            }

            if (offset < _text.Length && _text[offset] == '\t')
            {
                return _lines.SpanOf(offset, offset + 1);
            }
        }

        return span;
    }

    private static SourceSpan SpanOfMark(Mark start, Mark end)
    {
        var s = new SourcePosition((int)Math.Max(1, start.Line), (int)Math.Max(1, start.Column));
        var e = new SourcePosition((int)Math.Max(1, end.Line), (int)Math.Max(1, end.Column));
        return e > s ? SourceSpan.Between(s, e) : SourceSpan.At(s.Line, s.Column);
    }

    /// <summary>YamlDotNet prefixes messages with both marks; the finding carries the location already.</summary>
    private static string CleanMessage(YamlException ex)
    {
        var message = ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0)
        {
            message = message[(marker + 3)..];
        }

        message = message.Trim().TrimEnd('.');
        return message.Length == 0 ? "invalid YAML" : "invalid YAML: " + char.ToLowerInvariant(message[0]) + message[1..];
    }

    private sealed class LoadAbortedException : Exception;
}
