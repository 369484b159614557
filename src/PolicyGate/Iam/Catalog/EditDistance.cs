namespace PolicyGate.Iam.Catalog;

/// <summary>Case-insensitive Levenshtein distance with an early stop, for "did you mean" suggestions.</summary>
internal static class EditDistance
{
    /// <summary>The distance, or a value above <paramref name="limit"/> once it is certain to exceed it.</summary>
    public static int Between(string a, string b, int limit)
    {
        // Names longer than any real action are not worth a suggestion (and must not grow the stack).
        if (Math.Abs(a.Length - b.Length) > limit || b.Length > 256)
        {
            return limit + 1;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
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
}
