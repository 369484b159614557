using System.Text;
using PolicyGate.Reasoning.Patterns;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Decides, for one string dimension, whether some value lies in every "positive" predicate and in no
/// "negative" one, and finds the shortest such value. Exact: a breadth-first walk over the product of the
/// predicates' automata, with one extra character standing for every character no pattern mentions. Values
/// offered as candidates (realistic names) are tried first.
/// </summary>
public sealed class StringTheory(SearchBudget budget)
{
    private const string FreshPreference = "xzqwkjvyb0123456789-_.";

    private readonly Dictionary<string, PatternAutomaton> _automata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _answers = new(StringComparer.Ordinal);

    private readonly Dictionary<string, bool> _satisfiable = new(StringComparer.Ordinal);

    /// <summary>Whether some value lies in every positive and no negative predicate (no witness is built when a quicker test decides).</summary>
    public bool Satisfiable(IReadOnlyList<Predicate> positives, IReadOnlyList<Predicate> negatives)
    {
        if (negatives.Any(n => n.IsUniversal) || positives.Any(p => p.IsEmpty))
        {
            return false;
        }

        var pos = positives.Where(p => !p.IsUniversal).DistinctBy(p => p.Id).ToList();
        if (pos.Count <= 2 && negatives.All(n => n.IsEmpty))
        {
            // Two unions intersect when two of their patterns do.
            return pos.Count switch
            {
                0 => true,
                1 => pos[0].Patterns.Any(p => !p.IsNever),
                _ => pos[0].Patterns.Any(a => pos[1].Patterns.Any(b => PatternIntersection.Intersects(a, b))),
            };
        }

        var key = $"{string.Join(',', pos.Select(p => p.Id).Order())}|{string.Join(',', negatives.Select(n => n.Id).Distinct().Order())}";
        if (!_satisfiable.TryGetValue(key, out var answer))
        {
            answer = FindValue(positives, negatives) is not null;
            _satisfiable[key] = answer;
        }

        return answer;
    }

    public string? FindValue(IReadOnlyList<Predicate> positives, IReadOnlyList<Predicate> negatives, IEnumerable<string>? candidates = null)
    {
        if (negatives.Any(n => n.IsUniversal) || positives.Any(p => p.IsEmpty))
        {
            return null;
        }

        var pos = positives.Where(p => !p.IsUniversal).DistinctBy(p => p.Id).OrderBy(p => p.Id).ToList();
        var neg = negatives.Where(n => !n.IsEmpty).DistinctBy(n => n.Id).OrderBy(n => n.Id).ToList();
        if (candidates is not null)
        {
            foreach (var candidate in candidates)
            {
                if (pos.All(p => p.Contains(candidate)) && !neg.Any(n => n.Contains(candidate)))
                {
                    return candidate;
                }
            }
        }

        var key = $"{string.Join(',', pos.Select(p => p.Id))}|{string.Join(',', neg.Select(n => n.Id))}";
        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        var answer = LiteralShortcut(pos, neg, out var decided) is var literal && decided ? literal : Search(pos, neg);
        _answers[key] = answer;
        return answer;
    }

    /// <summary>
    /// When a positive predicate lists plain strings only (the usual action and ARN lists), the answer is among
    /// them: test each instead of building automata. Only when every pattern agrees on case, so the listed
    /// spelling stands for all its case variants.
    /// </summary>
    private static string? LiteralShortcut(List<Predicate> pos, List<Predicate> neg, out bool decided)
    {
        decided = false;
        var literal = pos.Where(p => p.Patterns.All(x => x.IsLiteral)).MinBy(p => p.Members.Length);
        if (literal is null)
        {
            return null;
        }

        var cases = pos.Concat(neg).SelectMany(p => p.Patterns).Select(p => p.IgnoreCase).Distinct().Count();
        if (cases > 1)
        {
            return null;
        }

        decided = true;
        return literal.LiteralTexts.FirstOrDefault(c => pos.All(p => p.Contains(c)) && !neg.Any(n => n.Contains(c)));
    }

    private string? Search(List<Predicate> pos, List<Predicate> neg)
    {
        var components = pos.Select(p => Automaton(p.Id.ToString(), p.Patterns)).ToList();
        var negative = neg.Count == 0 ? null : Automaton("n" + string.Join(',', neg.Select(n => n.Id)), neg.SelectMany(n => n.Patterns));
        var all = negative is null ? components : [.. components, negative];
        var alphabet = Alphabet(all);

        var start = all.Select(a => a.Start).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(start) };
        var queue = new Queue<(int[] State, int Parent, char Via)>();
        var trail = new List<(int Parent, char Via)>();
        queue.Enqueue((start, -1, '\0'));
        while (queue.Count > 0)
        {
            var (state, parent, via) = queue.Dequeue();
            var index = trail.Count;
            trail.Add((parent, via));
            if (Accepts(state, components.Count, all))
            {
                return Spell(trail, index);
            }

            foreach (var c in alphabet)
            {
                var next = new int[state.Length];
                var alive = true;
                for (var i = 0; i < state.Length && alive; i++)
                {
                    next[i] = all[i].Step(state[i], c);

                    // A positive that can no longer match, or a negative that now matches every continuation, ends the path.
                    alive = i < components.Count ? next[i] != all[i].Dead : next[i] != all[i].Universal;
                }

                if (alive && seen.Add(Key(next)))
                {
                    budget.SpendStates();
                    queue.Enqueue((next, index, c));
                }
            }
        }

        return null;
    }

    private static bool Accepts(int[] state, int positives, List<PatternAutomaton> all)
    {
        for (var i = 0; i < state.Length; i++)
        {
            if (all[i].IsAccepting(state[i]) != i < positives)
            {
                return false;
            }
        }

        return true;
    }

    private PatternAutomaton Automaton(string key, IEnumerable<TextPattern> patterns)
    {
        if (!_automata.TryGetValue(key, out var automaton))
        {
            automaton = new PatternAutomaton([.. patterns], budget);
            _automata[key] = automaton;
        }

        return automaton;
    }

    /// <summary>Every character some automaton distinguishes, led by one it does not (which stands for all such).</summary>
    private static List<char> Alphabet(List<PatternAutomaton> automata)
    {
        var known = new HashSet<char>(automata.SelectMany(a => a.Alphabet));
        var fresh = FreshPreference.Concat(Enumerable.Range(0xE0, 0x1F).Select(i => (char)i))
            .First(c => !known.Contains(c) && !known.Contains(char.ToUpperInvariant(c)) && !known.Contains(char.ToLowerInvariant(c)));
        return [fresh, .. known.Order()];
    }

    private static string Key(int[] state) => string.Join(',', state);

    private static string Spell(List<(int Parent, char Via)> trail, int index)
    {
        var chars = new StringBuilder();
        while (trail[index].Parent >= 0)
        {
            chars.Insert(0, trail[index].Via);
            index = trail[index].Parent;
        }

        return chars.ToString();
    }
}
