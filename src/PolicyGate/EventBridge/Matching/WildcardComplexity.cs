namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// Estimates the complexity score EventBridge computes for wildcard values (event-ruler's
/// MachineComplexityEvaluator): the largest number of automaton states that can be active together while
/// reading some value, counting each state's pending "any byte" step. The automaton is the one event-ruler
/// builds for a quoted wildcard; this model gives the scores observed on AWS for every recorded case
/// (11 for "*:*:*:*:*:event-bus/*", which AWS rejects; 7 for "/Users/*/dir/dir/dir/dir/dir/doc.txt",
/// which it accepts). Values on one field share an automaton, so their scores add up.
/// </summary>
public static class WildcardComplexity
{
    /// <summary>Scores at or above this are rejected by EventBridge.</summary>
    public const int RejectedAt = 11;

    /// <summary>Scores from here up to <see cref="RejectedAt"/> are accepted today but close to the limit.</summary>
    public const int WarnAt = 8;

    private const int ScoreCap = 100;
    private const int StateSetCap = 20_000;

    public static int Score(IReadOnlyList<WildcardText> patterns)
    {
        if (patterns.Count == 0)
        {
            return 0;
        }

        var tokens = patterns.Select(Tokens).ToArray();
        var alphabet = new HashSet<char> { '\u0001' };
        foreach (var t in tokens)
        {
            foreach (var c in t)
            {
                if (c != Star)
                {
                    alphabet.Add(c);
                }
            }
        }

        var start = new List<(int Pattern, int State)>();
        for (var p = 0; p < tokens.Length; p++)
        {
            start.Add((p, 0));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<List<(int Pattern, int State)>>();
        foreach (var c in alphabet)
        {
            Enqueue(Step(tokens, start, c), seen, queue);
        }

        var best = 0;
        while (queue.Count > 0 && seen.Count < StateSetCap)
        {
            var active = queue.Dequeue();
            best = Math.Max(best, Size(tokens, active));
            if (best >= ScoreCap)
            {
                return ScoreCap;
            }

            foreach (var c in alphabet)
            {
                Enqueue(Step(tokens, active, c), seen, queue);
            }
        }

        return best;
    }

    // Stands for '*' in the token arrays (literal stars are ordinary chars there).
    private const char Star = '\uFFFF';

    private static char[] Tokens(WildcardText pattern)
    {
        var tokens = new List<char> { '"' };
        for (var i = 0; i < pattern.Literals.Length; i++)
        {
            if (i > 0)
            {
                tokens.Add(Star);
            }

            tokens.AddRange(pattern.Literals[i]);
        }

        tokens.Add('"');
        return tokens.ToArray();
    }

    private static List<(int Pattern, int State)> Step(char[][] tokens, List<(int Pattern, int State)> active, char c)
    {
        var next = new SortedSet<(int Pattern, int State)>();
        foreach (var (p, k) in active)
        {
            var t = tokens[p];
            var n = t.Length;
            if (k > n)
            {
                continue;
            }

            if (k > 0 && t[k - 1] == Star)
            {
                next.Add((p, k));
            }

            if (k >= n)
            {
                continue;
            }

            if (t[k] == Star)
            {
                next.Add((p, k + 1));
                if (k + 1 < n && t[k + 1] == c)
                {
                    next.Add((p, k + 2));
                }
            }
            else if (t[k] == c)
            {
                next.Add((p, k + 1));
            }
        }

        return next.ToList();
    }

    private static int Size(char[][] tokens, List<(int Pattern, int State)> active)
    {
        var size = active.Count;
        var set = new HashSet<(int, int)>(active);
        foreach (var (p, k) in active)
        {
            var t = tokens[p];
            if (k < t.Length && t[k] == Star && !set.Contains((p, k + 1)))
            {
                size++;
            }
        }

        return size;
    }

    private static void Enqueue(List<(int Pattern, int State)> active, HashSet<string> seen, Queue<List<(int Pattern, int State)>> queue)
    {
        if (active.Count == 0)
        {
            return;
        }

        var key = string.Join(';', active.Select(a => $"{a.Pattern},{a.State}"));
        if (seen.Add(key))
        {
            queue.Enqueue(active);
        }
    }
}
