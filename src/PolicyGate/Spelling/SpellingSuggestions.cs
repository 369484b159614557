using System.Buffers;

namespace PolicyGate.Spelling;

/// <summary>
/// "Did you mean ...?" for every message that names a misspelt key, action, service or value: one Levenshtein
/// distance (optionally case-insensitive, with an early stop) and the nearest candidate.
/// </summary>
public static class SpellingSuggestions
{
    /// <summary>Longer texts get no suggestion: they are not names, and they would cost quadratic time.</summary>
    private const int MaxLength = 256;

    /// <summary>
    /// The edit distance between two texts, or <paramref name="limit"/> + 1 as soon as it is certain to exceed
    /// <paramref name="limit"/> (and for texts longer than any name).
    /// </summary>
    public static int Distance(string a, string b, int limit = MaxLength, bool ignoreCase = false)
    {
        if (Math.Abs(a.Length - b.Length) > limit || a.Length > MaxLength || b.Length > MaxLength)
        {
            return limit + 1;
        }

        var buffer = ArrayPool<int>.Shared.Rent(2 * (b.Length + 1));
        try
        {
            var previous = buffer.AsSpan(0, b.Length + 1);
            var current = buffer.AsSpan(b.Length + 1, b.Length + 1);
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var rowMin = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var same = ignoreCase ? char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) : a[i - 1] == b[j - 1];
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (same ? 0 : 1));
                    rowMin = Math.Min(rowMin, current[j]);
                }

                if (rowMin > limit)
                {
                    return limit + 1;
                }

                current.CopyTo(previous);
            }

            return previous[b.Length];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>The candidate closest to <paramref name="text"/> within <paramref name="maxDistance"/>, if any (ties: the first).</summary>
    public static string? Nearest(string text, IEnumerable<string> candidates, int maxDistance, bool ignoreCase = false)
    {
        string? best = null;
        var bestDistance = maxDistance + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(text, candidate, Math.Min(maxDistance, bestDistance - 1), ignoreCase);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The candidate that differs from <paramref name="text"/> only in letter case, if any.</summary>
    public static string? CaseVariant(string text, IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(c => !string.Equals(c, text, StringComparison.Ordinal) && string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
}
