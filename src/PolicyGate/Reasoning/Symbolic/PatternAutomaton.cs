using System.Collections.Immutable;
using PolicyGate.Reasoning.Patterns;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// A nondeterministic automaton for a union of variable-free patterns, determinised on the fly: a state is the
/// set of token positions reachable so far, interned to an id, and each (state, character) step is computed
/// once. Case-insensitive patterns fold the input character before comparing.
/// </summary>
public sealed class PatternAutomaton
{
    private readonly PatternToken[] _tokens;
    private readonly bool[] _ignoreCase;
    private readonly int[] _end;
    private readonly bool[] _accepts;
    private readonly bool[] _universal;
    private readonly List<int[]> _states = [];
    private readonly List<bool> _accepting = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, char), int> _steps = [];
    private readonly SearchBudget _budget;

    public PatternAutomaton(IReadOnlyList<TextPattern> patterns, SearchBudget budget)
    {
        _budget = budget;
        var tokens = new List<PatternToken>();
        var ignoreCase = new List<bool>();
        var end = new List<int>();
        var accepts = new List<bool>();
        var starts = new List<int>();
        foreach (var pattern in patterns.Where(p => !p.IsNever))
        {
            if (pattern.HasVariables)
            {
                throw new ArgumentException($"pattern {pattern.Display} has variables", nameof(patterns));
            }

            starts.Add(tokens.Count);
            var last = tokens.Count + pattern.Tokens.Length;
            foreach (var token in pattern.Tokens)
            {
                tokens.Add(token);
                ignoreCase.Add(pattern.IgnoreCase);
                end.Add(last);
                accepts.Add(false);
            }

            // The position after the last token: the pattern has matched.
            tokens.Add(default);
            ignoreCase.Add(pattern.IgnoreCase);
            end.Add(last);
            accepts.Add(true);
        }

        _tokens = [.. tokens];
        _ignoreCase = [.. ignoreCase];
        _end = [.. end];
        _accepts = [.. accepts];

        // A position from which only unconfined stars remain matches every continuation.
        _universal = new bool[_tokens.Length];
        for (var p = _tokens.Length - 1; p >= 0; p--)
        {
            _universal[p] = !_accepts[p] && _tokens[p].Kind == TokenKind.AnyString && (_accepts[p + 1] || _universal[p + 1]);
        }

        Alphabet = BuildAlphabet(patterns);
        Dead = Intern([]);
        Universal = Intern([-1]);
        Start = Intern(Close(starts));
    }

    public int Start { get; }

    /// <summary>The state with no live position: nothing it could still match.</summary>
    public int Dead { get; }

    /// <summary>The state that accepts every continuation (a pattern has reached a final <c>*</c>): all such sets are one state.</summary>
    public int Universal { get; }

    /// <summary>The characters the patterns distinguish (case variants of case-insensitive letters and ':' included).</summary>
    public ImmutableHashSet<char> Alphabet { get; }

    public bool IsAccepting(int state) => _accepting[state];

    public int Step(int state, char c)
    {
        if (state == Dead || state == Universal)
        {
            return state;
        }

        if (_steps.TryGetValue((state, c), out var next))
        {
            return next;
        }

        var positions = new List<int>();
        var lower = char.ToLowerInvariant(c);
        foreach (var p in _states[state])
        {
            if (_accepts[p])
            {
                continue;
            }

            var token = _tokens[p];
            if (token.Accepts(_ignoreCase[p] ? lower : c))
            {
                positions.Add(token.IsStar ? p : p + 1);
            }
        }

        next = Intern(Close(positions));
        _steps[(state, c)] = next;
        return next;
    }

    private List<int> Close(List<int> positions)
    {
        var result = new SortedSet<int>();
        foreach (var start in positions)
        {
            var p = start;
            while (result.Add(p) && !_accepts[p] && _tokens[p].IsStar)
            {
                p++;
            }
        }

        return [.. result];
    }

    private int Intern(List<int> positions)
    {
        if (positions is not [-1] && positions.Any(p => _universal[p]))
        {
            return Universal;
        }

        var key = string.Join(',', positions);
        if (_ids.TryGetValue(key, out var id))
        {
            return id;
        }

        _budget.SpendStates();
        id = _states.Count;
        _states.Add([.. positions]);
        _accepting.Add(positions is [-1] || positions.Any(p => _accepts[p]));
        _ids[key] = id;
        return id;
    }

    private static ImmutableHashSet<char> BuildAlphabet(IReadOnlyList<TextPattern> patterns)
    {
        var set = new HashSet<char>();
        foreach (var pattern in patterns.Where(p => !p.IsNever))
        {
            foreach (var token in pattern.Tokens)
            {
                if (token.Kind == TokenKind.Literal)
                {
                    set.Add(token.Char);
                    if (pattern.IgnoreCase)
                    {
                        set.Add(char.ToUpperInvariant(token.Char));
                    }
                }
                else if (token.Kind is TokenKind.AnyCharInField or TokenKind.AnyStringInField)
                {
                    set.Add(':');
                }
            }
        }

        return [.. set];
    }
}
