using System.Text;

namespace PolicyGate.Iam.Text;

/// <summary>How policy variables and unknown parts of a string become glob tokens.</summary>
public enum PatternReading
{
    /// <summary>They may be anything: read as <c>*</c>. For the policy under test (allows as much as it possibly can).</summary>
    Permissive,

    /// <summary>They match nothing. For a reference policy (allows as little as it possibly can).</summary>
    Strict,
}

/// <summary>
/// An IAM wildcard pattern over characters: literal characters, <c>?</c> (one character) and <c>*</c> (any run,
/// colons included). It answers "does it match this string", "do two patterns share a string" and "does this
/// pattern cover every string of that one" exactly. Case-insensitive globs (actions, condition keys) fold both
/// sides with the invariant culture; case-sensitive ones (ARNs, most condition values) do not.
/// </summary>
public sealed class Glob : IEquatable<Glob>
{
    private const char AnyChar = '\uFFFE';
    private const char AnyString = '\uFFFF';
    private const char Nothing = '\uFFFD';

    // Each token is a character, or one of the three markers above (which never occur in IAM text we match).
    private readonly string _tokens;

    private Glob(string tokens, bool ignoreCase)
    {
        _tokens = tokens;
        IgnoreCase = ignoreCase;
    }

    public bool IgnoreCase { get; }

    /// <summary>True for <c>*</c> (or <c>**</c>): every string.</summary>
    public bool IsUniversal => _tokens.Length > 0 && _tokens.All(t => t == AnyString);

    /// <summary>True when the glob has no wildcard: it matches one string.</summary>
    public bool IsLiteral => _tokens.All(t => t is not AnyChar and not AnyString and not Nothing);

    /// <summary>True when it matches nothing at all (a strict reading of a variable or unknown part).</summary>
    public bool IsEmpty => _tokens.Contains(Nothing, StringComparison.Ordinal);

    /// <summary>The literal characters before the first wildcard (folded when the glob ignores case).</summary>
    public string LiteralPrefix => _tokens[..LiteralRun(_tokens)];

    /// <summary>The literal characters after the last wildcard (the whole text for a literal glob).</summary>
    public string LiteralSuffix
    {
        get
        {
            var i = _tokens.Length;
            while (i > 0 && _tokens[i - 1] is not AnyChar and not AnyString and not Nothing)
            {
                i--;
            }

            return _tokens[i..];
        }
    }

    /// <summary>Parses <c>*</c> and <c>?</c> as wildcards; every other character is literal.</summary>
    public static Glob Parse(string text, bool ignoreCase)
    {
        var tokens = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            tokens.Append(c switch
            {
                '*' => AnyString,
                '?' => AnyChar,
                _ => Fold(c, ignoreCase),
            });
        }

        return new Glob(tokens.ToString(), ignoreCase);
    }

    /// <summary>A glob matching exactly <paramref name="text"/>.</summary>
    public static Glob Literal(string text, bool ignoreCase) =>
        new(ignoreCase ? text.ToLowerInvariant() : text, ignoreCase);

    /// <summary>A glob from a parsed policy string, reading variables and unknown parts as <paramref name="reading"/> says.</summary>
    public static Glob From(PolicyPattern pattern, bool ignoreCase, PatternReading reading)
    {
        var tokens = new StringBuilder(pattern.Text.Length);
        foreach (var segment in pattern.Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    foreach (var c in segment.Text)
                    {
                        tokens.Append(Fold(c, ignoreCase));
                    }

                    break;
                case SegmentKind.AnyString:
                    tokens.Append(AnyString);
                    break;
                case SegmentKind.AnyChar:
                    tokens.Append(AnyChar);
                    break;
                default:
                    tokens.Append(reading == PatternReading.Permissive ? AnyString : Nothing);
                    break;
            }
        }

        return new Glob(tokens.ToString(), ignoreCase);
    }

    public bool Matches(string text)
    {
        // Two pointers with backtracking to the last star: linear in practice, O(n·m) at worst.
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            var c = Fold(text[t], IgnoreCase);
            if (p < _tokens.Length && (_tokens[p] == AnyChar || _tokens[p] == c) && _tokens[p] != AnyString && _tokens[p] != Nothing)
            {
                p++;
                t++;
            }
            else if (p < _tokens.Length && _tokens[p] == AnyString)
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < _tokens.Length && _tokens[p] == AnyString)
        {
            p++;
        }

        return p == _tokens.Length;
    }

    /// <summary>True when some string matches both globs.</summary>
    public bool Intersects(Glob other)
    {
        var a = _tokens;
        var b = Align(other);
        var seen = new HashSet<(int, int)>();
        var pending = new Stack<(int, int)>();
        pending.Push((0, 0));
        while (pending.Count > 0)
        {
            var (i, j) = pending.Pop();
            if (!seen.Add((i, j)))
            {
                continue;
            }

            if (i == a.Length && j == b.Length)
            {
                return true;
            }

            var ta = i < a.Length ? a[i] : '\0';
            var tb = j < b.Length ? b[j] : '\0';
            if (i < a.Length && ta == AnyString)
            {
                pending.Push((i + 1, j));
                if (j < b.Length && tb != Nothing)
                {
                    pending.Push((i, tb == AnyString ? j : j + 1));
                    if (tb == AnyString)
                    {
                        pending.Push((i, j + 1));
                    }
                }
            }

            if (j < b.Length && tb == AnyString)
            {
                pending.Push((i, j + 1));
                if (i < a.Length && ta != Nothing && ta != AnyString)
                {
                    pending.Push((i + 1, j));
                }
            }

            if (i < a.Length && j < b.Length && ta is not AnyString and not Nothing && tb is not AnyString and not Nothing
                && (ta == AnyChar || tb == AnyChar || ta == tb))
            {
                pending.Push((i + 1, j + 1));
            }
        }

        return false;
    }

    /// <summary>
    /// True when every string <paramref name="other"/> matches is matched by this glob. Exact (a subset
    /// construction over this glob's positions, explored against the other glob); when the search grows past
    /// <paramref name="stateBudget"/> states it answers false ("not proven").
    /// </summary>
    public bool Covers(Glob other, int stateBudget = 200_000)
    {
        if (IsUniversal)
        {
            return true;
        }

        var b = Align(other);
        if (IsLiteral)
        {
            return other.IsLiteral && b == _tokens;
        }

        if (other.IsEmpty)
        {
            return true;
        }

        if (IsEmpty)
        {
            return false;
        }

        // Without '?' in this glob the test is one match: stand each wildcard of the other glob for a character
        // this glob never names. Only a '*' here can absorb it, and whatever absorbs one character absorbs any
        // string, so this glob covers the other exactly when it matches that witness.
        if (!_tokens.Contains(AnyChar, StringComparison.Ordinal))
        {
            var witness = b.Replace(AnyString, '\uE001').Replace(AnyChar, '\uE002');
            return Matches(witness);
        }

        var a = _tokens;
        var alphabet = Alphabet(a, b);
        var start = Closure(a, [0]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(int J, int[] S)>();
        pending.Push((0, start));
        while (pending.Count > 0)
        {
            var (j, set) = pending.Pop();
            if (!seen.Add(j + "|" + string.Join(',', set)))
            {
                continue;
            }

            if (seen.Count > stateBudget)
            {
                return false;
            }

            if (j == b.Length)
            {
                if (!set.Contains(a.Length))
                {
                    return false;
                }

                continue;
            }

            var tb = b[j];
            if (tb == Nothing)
            {
                continue;
            }

            if (tb == AnyString)
            {
                pending.Push((j + 1, set));
                foreach (var symbol in alphabet)
                {
                    pending.Push((j, Step(a, set, symbol)));
                }
            }
            else if (tb == AnyChar)
            {
                foreach (var symbol in alphabet)
                {
                    pending.Push((j + 1, Step(a, set, symbol)));
                }
            }
            else
            {
                pending.Push((j + 1, Step(a, set, tb)));
            }
        }

        return true;
    }

    public override string ToString()
    {
        var text = new StringBuilder(_tokens.Length);
        foreach (var t in _tokens)
        {
            text.Append(t switch
            {
                AnyString => "*",
                AnyChar => "?",
                Nothing => "\u2205",
                _ => t.ToString(),
            });
        }

        return text.ToString();
    }

    public bool Equals(Glob? other) => other is not null && other._tokens == _tokens && other.IgnoreCase == IgnoreCase;

    public override bool Equals(object? obj) => Equals(obj as Glob);

    public override int GetHashCode() => HashCode.Combine(_tokens, IgnoreCase);

    private static int LiteralRun(string tokens)
    {
        var i = 0;
        while (i < tokens.Length && tokens[i] is not AnyChar and not AnyString and not Nothing)
        {
            i++;
        }

        return i;
    }

    private static char Fold(char c, bool ignoreCase) => ignoreCase ? char.ToLowerInvariant(c) : c;

    /// <summary>The other glob's tokens, folded when either side ignores case.</summary>
    private string Align(Glob other) => IgnoreCase && !other.IgnoreCase ? other._tokens.ToLowerInvariant() : other._tokens;

    private static char[] Alphabet(string a, string b)
    {
        var symbols = new HashSet<char>();
        foreach (var t in a.Concat(b))
        {
            if (t is not AnyChar and not AnyString and not Nothing)
            {
                symbols.Add(t);
            }
        }

        // One character that occurs in neither glob stands for all the others.
        var other = '\uE000';
        while (symbols.Contains(other))
        {
            other++;
        }

        symbols.Add(other);
        return [.. symbols.Order()];
    }

    private static int[] Closure(string a, IEnumerable<int> positions)
    {
        var result = new SortedSet<int>();
        foreach (var p in positions)
        {
            var q = p;
            result.Add(q);
            while (q < a.Length && a[q] == AnyString)
            {
                q++;
                result.Add(q);
            }
        }

        return [.. result];
    }

    private static int[] Step(string a, int[] set, char symbol)
    {
        var next = new List<int>();
        foreach (var p in set)
        {
            if (p >= a.Length)
            {
                continue;
            }

            var t = a[p];
            if (t == AnyString)
            {
                next.Add(p);
            }
            else if (t == AnyChar || t == symbol)
            {
                next.Add(p + 1);
            }
        }

        return Closure(a, next);
    }
}
