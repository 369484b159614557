using PolicyGate.Reasoning.Patterns;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Whether two variable-free patterns share a string: a walk over pairs of positions (one in each pattern),
/// with no alphabet to enumerate, so it is quick even for long ARN patterns. Exact.
/// </summary>
public static class PatternIntersection
{
    public static bool Intersects(TextPattern a, TextPattern b)
    {
        if (a.IsNever || b.IsNever)
        {
            return false;
        }

        var x = a.Tokens;
        var y = b.Tokens;
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

            if (i == x.Length && j == y.Length)
            {
                return true;
            }

            var ti = i < x.Length ? x[i] : default;
            var tj = j < y.Length ? y[j] : default;
            var starI = i < x.Length && ti.IsStar;
            var starJ = j < y.Length && tj.IsStar;
            if (starI)
            {
                pending.Push((i + 1, j));
            }

            if (starJ)
            {
                pending.Push((i, j + 1));
            }

            if (i < x.Length && j < y.Length && Compatible(ti, a.IgnoreCase, tj, b.IgnoreCase))
            {
                // One character both accept: a star stays where it is, any other token moves on.
                pending.Push((starI ? i : i + 1, starJ ? j : j + 1));
            }
        }

        return false;
    }

    /// <summary>Whether some character is accepted by both tokens (letters compared folded when either side ignores case).</summary>
    private static bool Compatible(PatternToken p, bool pFolds, PatternToken q, bool qFolds)
    {
        if (p.Kind == TokenKind.Literal && q.Kind == TokenKind.Literal)
        {
            return pFolds || qFolds ? char.ToLowerInvariant(p.Char) == char.ToLowerInvariant(q.Char) : p.Char == q.Char;
        }

        if (p.Kind == TokenKind.Literal)
        {
            return q.Accepts(p.Char);
        }

        if (q.Kind == TokenKind.Literal)
        {
            return p.Accepts(q.Char);
        }

        // Two wildcards: some character other than a colon suits both.
        return true;
    }
}
