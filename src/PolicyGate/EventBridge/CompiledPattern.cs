using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge;

/// <summary>
/// A valid pattern, compiled once: one sub-rule per combination of $or branches. The pattern matches an
/// event when any sub-rule does. Immutable and safe to share between threads.
/// </summary>
public sealed class CompiledPattern(Node root, ImmutableArray<SubRule> subRules)
{
    public Node Root { get; } = root;

    public ImmutableArray<SubRule> SubRules { get; } = subRules;

    /// <summary>Every distinct condition, in the order of its value list in the source.</summary>
    public IEnumerable<Condition> Conditions =>
        SubRules.SelectMany(r => r.Conditions).Distinct().OrderBy(c => c.ValueList.Span.Start);

    public bool Matches(EventDocument e)
    {
        foreach (var rule in SubRules)
        {
            if (ArrayConsistentSearch.Matches(rule, e))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The outcome of validating and compiling a pattern: the compiled pattern when EventBridge would accept
/// it, else every error found in source order (the first is the one EventBridge reports), and the
/// measures the limit checks use.
/// </summary>
public sealed record PatternCompilation(CompiledPattern? Pattern, ImmutableArray<PatternError> Errors, PatternMeasures Measures)
{
    public bool IsValid => Pattern is not null;

    public PatternError? FirstError => Errors.IsEmpty ? null : Errors[0];
}

/// <summary>Sizes of a pattern that EventBridge limits.</summary>
public sealed record PatternMeasures
{
    /// <summary>Characters of the pattern as compact JSON (what PutRule receives for an object pattern).</summary>
    public int CompactLength { get; init; }

    /// <summary>Sub-rules after expanding every $or (saturates at int.MaxValue).</summary>
    public long Combinations { get; init; }

    /// <summary>The product of the branch counts of every $or array, the documentation's way of counting.</summary>
    public double DocumentedCombinations { get; init; }

    /// <summary>The most fields in one sub-rule.</summary>
    public int MaxFieldsPerCombination { get; init; }

    /// <summary>Wildcard complexity per field value list that has wildcards (see <see cref="WildcardComplexity"/>).</summary>
    public ImmutableArray<(ArrayNode ValueList, int Score)> WildcardScores { get; init; } = [];
}
