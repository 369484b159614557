namespace PolicyGate.Reasoning.Patterns;

/// <summary>
/// Matches a string against a variable-free <see cref="TextPattern"/> with a table of reachable token
/// positions (no backtracking, so hostile patterns stay linear in the pattern size per character). Used by
/// the concrete evaluator; the symbolic engine has its own automata, so each checks the other.
/// </summary>
public static class PatternMatcher
{
    public static bool Matches(TextPattern pattern, string text)
    {
        if (pattern.IsNever)
        {
            return false;
        }

        if (pattern.HasVariables)
        {
            throw new ArgumentException($"pattern {pattern.Display} still has variables; substitute them first", nameof(pattern));
        }

        var tokens = pattern.Tokens;
        Span<bool> current = tokens.Length < 512 ? stackalloc bool[tokens.Length + 1] : new bool[tokens.Length + 1];
        Span<bool> next = tokens.Length < 512 ? stackalloc bool[tokens.Length + 1] : new bool[tokens.Length + 1];
        current[0] = true;
        Close(tokens, current);
        foreach (var raw in text)
        {
            var c = pattern.IgnoreCase ? char.ToLowerInvariant(raw) : raw;
            next.Clear();
            var any = false;
            for (var p = 0; p < tokens.Length; p++)
            {
                if (!current[p] || !tokens[p].Accepts(c))
                {
                    continue;
                }

                // A star consumes the character and stays; any other token moves on.
                next[tokens[p].IsStar ? p : p + 1] = true;
                any = true;
            }

            if (!any)
            {
                return false;
            }

            Close(tokens, next);
            next.CopyTo(current);
        }

        return current[tokens.Length];
    }

    /// <summary>A star may also match nothing: from its position the next one is reachable too.</summary>
    private static void Close(System.Collections.Immutable.ImmutableArray<PatternToken> tokens, Span<bool> positions)
    {
        for (var p = 0; p < tokens.Length; p++)
        {
            if (positions[p] && tokens[p].IsStar)
            {
                positions[p + 1] = true;
            }
        }
    }
}
