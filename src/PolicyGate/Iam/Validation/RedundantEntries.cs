using PolicyGate.Iam.Text;

namespace PolicyGate.Iam.Validation;

/// <summary>
/// Finds list entries that another entry of the same list already covers (duplicates included). Only wildcard
/// entries can cover others, and only when their literal prefix and suffix fit, so the exact (and costlier)
/// glob inclusion test runs on few pairs: lists of thousands of actions stay fast.
/// </summary>
public static class RedundantEntries
{
    /// <summary>Pairs (redundant index, covering index), each redundant entry once, in list order.</summary>
    public static IEnumerable<(int Redundant, int Cover)> Find(IReadOnlyList<Glob> globs)
    {
        var keys = globs.Select(g => g.ToString()).ToArray();
        var prefixes = globs.Select(g => g.LiteralPrefix).ToArray();
        var suffixes = globs.Select(g => g.LiteralSuffix).ToArray();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var wildcards = Enumerable.Range(0, globs.Count).Where(i => !globs[i].IsLiteral && !globs[i].IsEmpty).ToArray();
        for (var i = 0; i < globs.Count; i++)
        {
            if (first.TryGetValue(keys[i], out var earlier))
            {
                yield return (i, earlier);
                continue;
            }

            first[keys[i]] = i;
            foreach (var w in wildcards)
            {
                if (w != i && keys[w] != keys[i]
                    && prefixes[i].StartsWith(prefixes[w], StringComparison.Ordinal)
                    && suffixes[i].EndsWith(suffixes[w], StringComparison.Ordinal)
                    && globs[w].Covers(globs[i], stateBudget: 2_000))
                {
                    yield return (i, w);
                    break;
                }
            }
        }
    }
}
