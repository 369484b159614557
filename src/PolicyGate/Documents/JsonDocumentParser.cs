using System.Collections.Immutable;
using System.Text;

namespace PolicyGate.Documents;

/// <summary>
/// A strict RFC 8259 parser that builds located nodes. It is iterative (no recursion, so nesting cannot
/// overflow the stack), keeps number text exactly as written, keeps duplicate keys (and reports them), and
/// stops at the first syntax error with its position, except for unescaped control characters inside a
/// string (a line break in a wrapped value): those are reported and the string is read on.
/// </summary>
public sealed class JsonDocumentParser
{
    private readonly SourceFile _file;
    private readonly string _text;
    private readonly LineIndex _lines;
    private readonly LoadLimits _limits;
    private readonly List<DocumentDiagnostic> _diagnostics = [];
    private int _pos;
    private bool _readOnPastControl;

    private JsonDocumentParser(SourceFile file, string text, LineIndex lines, LoadLimits limits)
    {
        _file = file;
        _text = text;
        _lines = lines;
        _limits = limits;
    }

    /// <summary>Parses one JSON document. Whitespace-only text gives no document and no diagnostic.</summary>
    public static LoadedFile Parse(SourceFile file, string text, LoadLimits? limits = null, LineIndex? lines = null)
    {
        var parser = new JsonDocumentParser(file, text, lines ?? LineIndex.Build(text), limits ?? LoadLimits.Default);
        Node? root = null;
        try
        {
            root = parser.ParseDocument();
        }
        catch (JsonSyntaxException ex)
        {
            // After a string was read on past a line break, a later error is usually its echo: keep the cause only.
            if (!parser._readOnPastControl || ex.Kind != DiagnosticKind.SyntaxError)
            {
                parser._diagnostics.Add(new DocumentDiagnostic(ex.Kind, ex.Message, ex.Span));
            }

            root = null;
        }

        var documents = root is null ? ImmutableArray<Node>.Empty : ImmutableArray.Create(root);
        return new LoadedFile(file, DocumentFormat.Json, documents, parser._diagnostics.ToImmutableArray());
    }

    private sealed class Frame(bool isObject, int start)
    {
        public bool IsObject { get; } = isObject;
        public int Start { get; } = start;
        public ImmutableArray<Node>.Builder? Items { get; set; }
        public ImmutableArray<PropertyNode>.Builder? Properties { get; set; }
        public string? PendingKey { get; set; }
        public SourceSpan PendingKeySpan { get; set; }
        /// <summary>First property by key, for objects too large to scan (a class value: see FindEarlier).</summary>
        public Dictionary<string, PropertyNode>? SeenKeys { get; set; }
    }

    private Node? ParseDocument()
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return null;
        }

        var stack = new Stack<Frame>();
        while (true)
        {
            // Expecting a value.
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of file: a value was expected", _pos);
            }

            Node value;
            var c = _text[_pos];
            if (c is '{' or '[')
            {
                if (stack.Count >= _limits.MaxDepth)
                {
                    throw new JsonSyntaxException(
                        DiagnosticKind.NestingTooDeep,
                        $"nesting deeper than {_limits.MaxDepth} levels; the file is not checked further",
                        _lines.SpanOf(_pos, _pos + 1));
                }

                var frame = new Frame(c == '{', _pos);
                _pos++;
                SkipWhitespace();
                if (frame.IsObject)
                {
                    frame.Properties = ImmutableArray.CreateBuilder<PropertyNode>();
                    if (Peek() == '}')
                    {
                        _pos++;
                        value = Close(frame);
                    }
                    else
                    {
                        stack.Push(frame);
                        ParseKey(frame);
                        continue;
                    }
                }
                else
                {
                    frame.Items = ImmutableArray.CreateBuilder<Node>();
                    if (Peek() == ']')
                    {
                        _pos++;
                        value = Close(frame);
                    }
                    else
                    {
                        stack.Push(frame);
                        continue;
                    }
                }
            }
            else
            {
                value = ParseScalar();
            }

            // A value is complete: attach it, then consume separators, closing as many containers as end here.
            while (true)
            {
                if (stack.Count == 0)
                {
                    SkipWhitespace();
                    if (_pos < _text.Length)
                    {
                        throw Error("unexpected content after the end of the JSON document", _pos);
                    }

                    return value;
                }

                var top = stack.Peek();
                Attach(top, value);
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    throw Error(
                        top.IsObject ? "unexpected end of file: ',' or '}' was expected" : "unexpected end of file: ',' or ']' was expected",
                        _pos);
                }

                c = _text[_pos];
                if (c == ',')
                {
                    var comma = _pos;
                    _pos++;
                    SkipWhitespace();
                    if (Peek() is '}' or ']')
                    {
                        throw Error("trailing comma: JSON does not allow a comma before a closing bracket", comma);
                    }

                    if (top.IsObject)
                    {
                        ParseKey(top);
                    }

                    break;
                }

                if (c == (top.IsObject ? '}' : ']'))
                {
                    _pos++;
                    value = Close(stack.Pop());
                    continue;
                }

                throw Error(
                    top.IsObject ? $"{Describe(c)} where ',' or '}}' was expected" : $"{Describe(c)} where ',' or ']' was expected",
                    _pos);
            }
        }
    }

    private void ParseKey(Frame frame)
    {
        SkipWhitespace();
        var start = _pos;
        var c = Peek();
        if (c != '"')
        {
            if (c == '\0' && _pos >= _text.Length)
            {
                throw Error("unexpected end of file: a property name was expected", _pos);
            }

            throw Error(
                c == '\'' ? "property names must use double quotes, not single quotes" : $"{Describe(c)} where a property name in double quotes was expected",
                _pos);
        }

        var key = ReadString();
        var keySpan = _lines.SpanOf(start, _pos);
        SkipWhitespace();
        if (Peek() != ':')
        {
            throw Error(_pos >= _text.Length ? "unexpected end of file: ':' was expected" : $"{Describe(Peek())} where ':' was expected", _pos);
        }

        _pos++;
        frame.PendingKey = key;
        frame.PendingKeySpan = keySpan;
    }

    private void Attach(Frame frame, Node value)
    {
        if (!frame.IsObject)
        {
            frame.Items!.Add(value);
            return;
        }

        var key = frame.PendingKey!;
        if (FindEarlier(frame, key) is { } first)
        {
            _diagnostics.Add(new DocumentDiagnostic(
                DiagnosticKind.DuplicateKey,
                $"duplicate key \"{key}\" (first at line {first.StartLine}, column {first.StartColumn}); JSON readers disagree on which value wins",
                frame.PendingKeySpan));
        }

        var property = new PropertyNode(key, frame.PendingKeySpan, value);
        frame.Properties!.Add(property);
        frame.SeenKeys?.TryAdd(key, property);
        frame.PendingKey = null;
    }

    /// <summary>The span of an earlier property with this key. Small objects are scanned; large ones get an index.</summary>
    private static SourceSpan? FindEarlier(Frame frame, string key)
    {
        var properties = frame.Properties!;
        if (frame.SeenKeys is null && properties.Count < 16)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                if (string.Equals(properties[i].Key, key, StringComparison.Ordinal))
                {
                    return properties[i].KeySpan;
                }
            }

            return null;
        }

        if (frame.SeenKeys is null)
        {
            frame.SeenKeys = new Dictionary<string, PropertyNode>(StringComparer.Ordinal);
            foreach (var property in properties)
            {
                frame.SeenKeys.TryAdd(property.Key, property);
            }
        }

        return frame.SeenKeys.TryGetValue(key, out var first) ? first.KeySpan : null;
    }

    private Node Close(Frame frame)
    {
        var span = _lines.SpanOf(frame.Start, _pos);
        return frame.IsObject
            ? new ObjectNode(_file, span, frame.Properties!.ToImmutable())
            : new ArrayNode(_file, span, frame.Items!.ToImmutable());
    }

    private ScalarNode ParseScalar()
    {
        var start = _pos;
        var c = _text[_pos];
        switch (c)
        {
            case '"':
            {
                var value = ReadString();
                return new ScalarNode(_file, _lines.SpanOf(start, _pos), ScalarKind.String, value, ScalarStyle.Json);
            }
            case '-' or (>= '0' and <= '9'):
            {
                ReadNumber();
                return new ScalarNode(_file, _lines.SpanOf(start, _pos), ScalarKind.Number, _text[start.._pos], ScalarStyle.Json);
            }
            case 't':
                return Literal("true", ScalarKind.Boolean);
            case 'f':
                return Literal("false", ScalarKind.Boolean);
            case 'n':
                return Literal("null", ScalarKind.Null);
            case '\'':
                throw Error("strings must use double quotes, not single quotes", _pos);
            case '/':
                throw Error("comments are not allowed in JSON", _pos);
            case '}' or ']':
                throw Error($"{Describe(c)} where a value was expected", _pos);
            default:
                throw Error($"{Describe(c)} where a value was expected", _pos);
        }
    }

    private ScalarNode Literal(string word, ScalarKind kind)
    {
        var start = _pos;
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            var end = _pos;
            while (end < _text.Length && end - _pos < 32 && char.IsAsciiLetterOrDigit(_text[end]))
            {
                end++;
            }

            throw Error($"invalid literal \"{_text[_pos..Math.Max(end, _pos + 1)]}\": expected {word}, a string in double quotes, a number, an object or an array", _pos);
        }

        _pos += word.Length;
        return new ScalarNode(_file, _lines.SpanOf(start, _pos), kind, word, ScalarStyle.Json);
    }

    private void ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
            if (char.IsAsciiDigit(Peek()))
            {
                throw Error("numbers must not have leading zeros", start);
            }
        }
        else if (char.IsAsciiDigit(Peek()))
        {
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }
        }
        else
        {
            throw Error("invalid number: a digit was expected", _pos);
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!char.IsAsciiDigit(Peek()))
            {
                throw Error("invalid number: a digit was expected after the decimal point", _pos);
            }

            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!char.IsAsciiDigit(Peek()))
            {
                throw Error("invalid number: a digit was expected in the exponent", _pos);
            }

            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }
        }
    }

    /// <summary>Reads a string literal starting at the opening quote; leaves the position after the closing one.</summary>
    private string ReadString()
    {
        var open = _pos;
        _pos++;
        var span = _text.AsSpan();
        var runStart = _pos;
        StringBuilder? builder = null;
        var reportedControl = false;
        while (true)
        {
            var rest = span[_pos..];
            var i = rest.IndexOfAny('"', '\\') is var q and >= 0 ? q : rest.Length;
            var controlAt = rest[..i].IndexOfAnyInRange('\0', '\u001f');
            if (controlAt >= 0)
            {
                // Reported, then read on: a raw line break inside a string (a value wrapped by an editor or a web
                // page) is the most common damage to hand-copied policies, and the rest of the file still
                // deserves checking. If the string never closes, the error below ends the parse as before.
                var at = _pos + controlAt;
                var ch = _text[at];
                if (!reportedControl)
                {
                    reportedControl = true;
                    _readOnPastControl = true;
                    _diagnostics.Add(new DocumentDiagnostic(
                        DiagnosticKind.SyntaxError,
                        ch is '\n' or '\r' ? "unterminated string: a line break must be written as \\n inside a JSON string" : $"control character U+{(int)ch:X4} must be escaped inside a JSON string",
                        _lines.SpanOf(ch is '\n' or '\r' ? open : at, (ch is '\n' or '\r' ? open : at) + 1)));
                }

                builder ??= new StringBuilder();
                builder.Append(span[runStart..(at + 1)]);
                _pos = at + 1;
                runStart = _pos;
                continue;
            }

            if (i == rest.Length)
            {
                throw Error("unterminated string", open);
            }

            _pos += i;
            if (_text[_pos] == '"')
            {
                string result;
                if (builder is null)
                {
                    result = _text[runStart.._pos];
                }
                else
                {
                    builder.Append(span[runStart.._pos]);
                    result = builder.ToString();
                }

                _pos++;
                return result;
            }

            // Backslash escape.
            builder ??= new StringBuilder();
            builder.Append(span[runStart.._pos]);
            var escapeAt = _pos;
            _pos++;
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string", open);
            }

            var e = _text[_pos];
            switch (e)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    var code = 0;
                    for (var k = 1; k <= 4; k++)
                    {
                        var h = _pos + k < _text.Length ? _text[_pos + k] : '\0';
                        var digit = HexValue(h);
                        if (digit < 0)
                        {
                            throw Error("invalid \\u escape: four hexadecimal digits were expected", escapeAt);
                        }

                        code = (code * 16) + digit;
                    }

                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error($"invalid escape sequence \\{e}", escapeAt);
            }

            _pos++;
            runStart = _pos;
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private static int HexValue(char h) => h switch
    {
        >= '0' and <= '9' => h - '0',
        >= 'a' and <= 'f' => h - 'a' + 10,
        >= 'A' and <= 'F' => h - 'A' + 10,
        _ => -1,
    };

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static string Describe(char c) => c switch
    {
        '\0' => "end of file",
        '\'' => "a single quote",
        _ when char.IsControl(c) => $"control character U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    private JsonSyntaxException Error(string message, int offset) =>
        new(DiagnosticKind.SyntaxError, message, _lines.SpanOf(offset, offset + 1));

    private sealed class JsonSyntaxException(DiagnosticKind kind, string message, SourceSpan span) : Exception(message)
    {
        public DiagnosticKind Kind { get; } = kind;
        public SourceSpan Span { get; } = span;
    }
}
