namespace PolicyGate.EventBridge.Knowledge;

/// <summary>Edit distance and nearest-name suggestions for messages ("did you mean ...?").</summary>
public static class TextDistance
{
    public static int Levenshtein(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8)
        {
            return Math.Abs(a.Length - b.Length);
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The candidate closest to the text within the distance, if any (ties: first in order).</summary>
    public static string? Nearest(string text, IEnumerable<string> candidates, int maxDistance)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Levenshtein(text, candidate);
            if (d < bestDistance && d <= maxDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>The candidate equal to the text ignoring case, if any.</summary>
    public static string? SameIgnoringCase(string text, IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(c => !string.Equals(c, text, StringComparison.Ordinal) && string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
}
