namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// A string compared as EventBridge's equals-ignore-case does: each UTF-16 char of the pattern matches
/// its Locale.ROOT lower-case or upper-case form (possibly several chars, as "SS" for "ß") in the event
/// value. This is simple per-char folding, not Unicode case folding: "STRASSE" does not match "straße".
/// </summary>
public sealed class IgnoreCaseText
{
    private readonly string[][] _choices;
    private readonly char[]? _lower;
    private readonly char[]? _upper;

    public IgnoreCaseText(string pattern)
    {
        Pattern = pattern;
        _choices = new string[pattern.Length][];
        var simple = true;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            string lower;
            string upper;
            if (char.IsSurrogate(c))
            {
                // Java encodes a lone UTF-16 surrogate as '?'.
                lower = upper = "?";
            }
            else if (SpecialCasing.OneToMany.TryGetValue(c, out var special))
            {
                (lower, upper) = special;
            }
            else
            {
                lower = char.ToLowerInvariant(c).ToString();
                upper = char.ToUpperInvariant(c).ToString();
            }

            _choices[i] = lower == upper ? [lower] : [lower, upper];
            simple &= lower.Length == 1 && upper.Length == 1;
        }

        if (simple)
        {
            _lower = _choices.Select(c => c[0][0]).ToArray();
            _upper = _choices.Select(c => c[^1][0]).ToArray();
        }
    }

    public string Pattern { get; }

    public bool Equals(string value)
    {
        if (_lower is not null)
        {
            return value.Length == _lower.Length && SimpleAt(value, 0);
        }

        return Ends(value, 0).Contains(value.Length);
    }

    public bool IsPrefixOf(string value)
    {
        if (_lower is not null)
        {
            return value.Length >= _lower.Length && SimpleAt(value, 0);
        }

        return Ends(value, 0).Count > 0;
    }

    public bool IsSuffixOf(string value)
    {
        if (_lower is not null)
        {
            return value.Length >= _lower.Length && SimpleAt(value, value.Length - _lower.Length);
        }

        // Try every start; patterns are short, so this stays cheap.
        for (var start = 0; start <= value.Length; start++)
        {
            if (Ends(value, start).Contains(value.Length))
            {
                return true;
            }
        }

        return false;
    }

    private bool SimpleAt(string value, int start)
    {
        for (var i = 0; i < _lower!.Length; i++)
        {
            var c = value[start + i];
            if (c != _lower[i] && c != _upper![i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every offset in value where a match of the whole pattern starting at start can end.</summary>
    private HashSet<int> Ends(string value, int start)
    {
        var positions = new HashSet<int> { start };
        foreach (var choices in _choices)
        {
            var next = new HashSet<int>();
            foreach (var position in positions)
            {
                foreach (var choice in choices)
                {
                    if (string.CompareOrdinal(value, position, choice, 0, choice.Length) == 0 && position + choice.Length <= value.Length)
                    {
                        next.Add(position + choice.Length);
                    }
                }
            }

            if (next.Count == 0)
            {
                return next;
            }

            positions = next;
        }

        return positions;
    }
}
