using System.Globalization;

namespace PolicyGate.EventBridge;

/// <summary>The first syntax error of JSON text as EventBridge's JSON reader (Jackson) reports it: its offset and message.</summary>
public sealed record JsonSyntaxError(int Offset, string Message);

/// <summary>
/// Finds the first syntax error in JSON text and words it as Jackson does, so that a malformed pattern
/// gets the reason EventBridge returns. Strict JSON: no comments, single quotes, trailing commas or
/// leading zeros. Only the first value is read (EventBridge ignores what follows it).
/// </summary>
public static class JacksonSyntax
{
    private const string ValidValue = "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    public static JsonSyntaxError? FirstError(string text) => new Scanner(text).Run();

    /// <summary>An explicit stack of open containers: no recursion, so deep nesting cannot overflow.</summary>
    private sealed class Scanner(string text)
    {
        private readonly Stack<(bool IsObject, int Start)> _open = new();
        private int _pos;
        private bool _justOpened;

        public JsonSyntaxError? Run()
        {
            try
            {
                if (!SkipSpace())
                {
                    return null;
                }

                Value();
                while (_open.Count > 0)
                {
                    if (_justOpened)
                    {
                        _justOpened = false;
                        FirstMember();
                    }
                    else
                    {
                        AfterValue();
                    }
                }

                return null;
            }
            catch (SyntaxException ex)
            {
                return new JsonSyntaxError(ex.Offset, ex.Message);
            }
        }

        /// <summary>Reads one value; a container is only opened here (its members are read by <see cref="AfterValue"/>).</summary>
        private void Value()
        {
            if (!SkipSpace())
            {
                throw EndOfInput();
            }

            var c = text[_pos];
            switch (c)
            {
                case '{' or '[':
                    // The first member is read by the main loop.
                    _open.Push((c == '{', _pos));
                    _pos++;
                    _justOpened = true;
                    return;
                case '"':
                    String();
                    return;
                case '-' or (>= '0' and <= '9'):
                    Number();
                    return;
                case ']' or '}':
                    if (_open.Count > 0 && _open.Peek().IsObject == (c == '}'))
                    {
                        throw Unexpected(c, ValidValue);
                    }

                    throw CloseMarker(c);
                case '/':
                    throw Unexpected(c, "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
                default:
                    if (char.IsAsciiLetter(c))
                    {
                        Token();
                        return;
                    }

                    throw Unexpected(c, ValidValue);
            }
        }

        /// <summary>Right after '{' or '[': the close marker of an empty container, or the first member.</summary>
        private void FirstMember()
        {
            if (!SkipSpace())
            {
                throw EndOfInput();
            }

            var isObject = _open.Peek().IsObject;
            if (text[_pos] == (isObject ? '}' : ']'))
            {
                _pos++;
                _open.Pop();
                return;
            }

            if (isObject)
            {
                Member();
            }
            else
            {
                Value();
            }
        }

        private void Member()
        {
            if (text[_pos] != '"')
            {
                throw Unexpected(text[_pos], text[_pos] == '\'' ? "was expecting double-quote to start field name" : "was expecting double-quote to start field name");
            }

            String();
            if (!SkipSpace())
            {
                throw EndOfInput();
            }

            if (text[_pos] != ':')
            {
                throw Unexpected(text[_pos], "was expecting a colon to separate field name and value");
            }

            _pos++;
            Value();
        }

        /// <summary>After a value inside the innermost open container: a separator and the next member, or the close marker.</summary>
        private void AfterValue()
        {
            if (!SkipSpace())
            {
                throw EndOfInput();
            }

            var (isObject, _) = _open.Peek();
            var c = text[_pos];
            if (c == ',')
            {
                _pos++;
                if (!SkipSpace())
                {
                    throw EndOfInput();
                }

                if (isObject)
                {
                    Member();
                }
                else
                {
                    Value();
                }

                return;
            }

            if (c == (isObject ? '}' : ']'))
            {
                _pos++;
                _open.Pop();
                return;
            }

            if (c is '}' or ']')
            {
                throw CloseMarker(c);
            }

            throw Unexpected(c, isObject ? "was expecting comma to separate Object entries" : "was expecting comma to separate Array entries");
        }

        private void String()
        {
            _pos++;
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return;
                }

                if (c == '\\')
                {
                    if (_pos + 1 >= text.Length)
                    {
                        throw new SyntaxException(_pos, "Unexpected end-of-input in character escape sequence");
                    }

                    var e = text[_pos + 1];
                    if (e == 'u')
                    {
                        for (var k = 2; k < 6; k++)
                        {
                            if (_pos + k >= text.Length)
                            {
                                throw new SyntaxException(_pos + k, "Unexpected end-of-input in character escape sequence");
                            }

                            if (!char.IsAsciiHexDigit(text[_pos + k]))
                            {
                                throw new SyntaxException(_pos + k, $"Unexpected character ({Describe(text[_pos + k])}): expected a hex-digit for character escape sequence");
                            }
                        }

                        _pos += 6;
                        continue;
                    }

                    if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                    {
                        throw new SyntaxException(_pos + 1, $"Unrecognized character escape {Describe(e)}");
                    }

                    _pos += 2;
                    continue;
                }

                if (c < ' ')
                {
                    throw new SyntaxException(_pos, $"Illegal unquoted character ((CTRL-CHAR, code {(int)c})): has to be escaped using backslash to be included in string value");
                }

                _pos++;
            }

            throw new SyntaxException(_pos, "Unexpected end-of-input: was expecting closing quote for a string value");
        }

        private void Number()
        {
            var start = _pos;
            if (text[_pos] == '-')
            {
                _pos++;
                if (_pos >= text.Length || !char.IsAsciiDigit(text[_pos]))
                {
                    throw NumberProblem("expected digit (0-9) to follow minus sign, for valid numeric value");
                }
            }

            if (text[_pos] == '0' && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1]))
            {
                throw new SyntaxException(start, "Invalid numeric value: Leading zeroes not allowed");
            }

            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }

            if (_pos < text.Length && text[_pos] == '.')
            {
                _pos++;
                if (_pos >= text.Length || !char.IsAsciiDigit(text[_pos]))
                {
                    throw NumberProblem("Decimal point not followed by a digit");
                }

                while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                {
                    _pos++;
                }
            }

            if (_pos < text.Length && text[_pos] is 'e' or 'E')
            {
                _pos++;
                if (_pos < text.Length && text[_pos] is '+' or '-')
                {
                    _pos++;
                }

                if (_pos >= text.Length || !char.IsAsciiDigit(text[_pos]))
                {
                    throw NumberProblem("Exponent indicator not followed by a digit");
                }

                while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                {
                    _pos++;
                }
            }
        }

        private SyntaxException NumberProblem(string what) => _pos >= text.Length
            ? new SyntaxException(_pos, $"Unexpected end-of-input in a Number value")
            : new SyntaxException(_pos, $"Unexpected character ({Describe(text[_pos])}) in numeric value: {what}");

        private void Token()
        {
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiLetterOrDigit(text[_pos]))
            {
                _pos++;
            }

            var token = text[start.._pos];
            if (token is not ("true" or "false" or "null"))
            {
                throw new SyntaxException(start, $"Unrecognized token '{token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
            }
        }

        private bool SkipSpace()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }

            return _pos < text.Length;
        }

        private SyntaxException Unexpected(char c, string expectation) => new(_pos, $"Unexpected character ({Describe(c)}): {expectation}");

        private SyntaxException CloseMarker(char c)
        {
            if (_open.Count == 0)
            {
                return Unexpected(c, ValidValue);
            }

            var (isObject, start) = _open.Peek();
            return new SyntaxException(_pos, $"Unexpected close marker '{c}': expected '{(isObject ? '}' : ']')}' (for {(isObject ? "Object" : "Array")} starting at {SourceAt(start)})");
        }

        private SyntaxException EndOfInput()
        {
            if (_open.Count == 0)
            {
                return new SyntaxException(_pos, "No content to map due to end-of-input");
            }

            var (isObject, start) = _open.Peek();
            return new SyntaxException(_pos, $"Unexpected end-of-input: expected close marker for {(isObject ? "Object" : "Array")} (start marker at {SourceAt(start)})");
        }

        /// <summary>Jackson's location text: the source quoted (at most 500 chars), then 1-based line and column.</summary>
        private string SourceAt(int offset)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var shown = text.Length <= 500 ? text : text[..500] + $"\"[truncated {text.Length - 500} chars]";
            var quoted = text.Length <= 500 ? $"\"{shown}\"" : $"\"{shown}";
            return $"[Source: (String){quoted}; line: {line}, column: {offset - lineStart + 1}]";
        }

        private static string Describe(char c) => c < ' '
            ? $"(CTRL-CHAR, code {(int)c})"
            : $"'{c}' (code {((int)c).ToString(CultureInfo.InvariantCulture)})";
    }

    private sealed class SyntaxException(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
