using System.Collections.Immutable;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Symbolic;

public enum DimensionKind
{
    Principal,
    Action,
    Resource,

    /// <summary>One condition key compared in one value family (a key compared as a string and as an address has two).</summary>
    Context,
}

/// <summary>
/// A variable of the request the engine reasons about: the principal, the action, the resource, or a condition
/// key in one value family. A multi-valued key holds a set of values; the others hold one value (context keys may
/// also be absent).
/// </summary>
public sealed record Dimension(int Id, DimensionKind Kind, string KeyId, ValueFamily Family, bool MultiValued)
{
    public bool AlwaysPresent => Kind != DimensionKind.Context;

    public bool IsString => Family == ValueFamily.String;

    public override string ToString() => Kind == DimensionKind.Context ? $"{KeyId} ({Family})" : Kind.ToString();
}

/// <summary>
/// A set of values of one dimension: the union of its members (patterns for strings, comparisons with constants
/// for numbers, dates and addresses). Members never have variables.
/// </summary>
public sealed record Predicate(int Id, Dimension Dimension, ImmutableArray<ConditionOperand> Members)
{
    /// <summary>Matches every value (a <c>*</c>, or a member read as always matching).</summary>
    public bool IsUniversal { get; } = Members.Any(m => m.Constant == true || (m.Family == ValueFamily.String && m.Text.IsUniversal));

    public bool IsEmpty => !IsUniversal && Members.IsEmpty;

    private readonly Lazy<(HashSet<string> Exact, HashSet<string> Folded, ConditionOperand[] Others)> _lookup = new(() => Split(Members));

    /// <summary>Whether one value belongs to the set (the evaluator's semantics, used to check witnesses).</summary>
    public bool Contains(string value)
    {
        if (IsUniversal)
        {
            return true;
        }

        // Plain strings are looked up; only patterns with wildcards are matched one by one.
        var (exact, folded, others) = _lookup.Value;
        if (exact.Contains(value) || (folded.Count > 0 && folded.Contains(value.ToLowerInvariant())))
        {
            return true;
        }

        foreach (var member in others)
        {
            if (member.Constant ?? ConditionEvaluator.Matches(member, member.Text, value))
            {
                return true;
            }
        }

        return false;
    }

    private static (HashSet<string>, HashSet<string>, ConditionOperand[]) Split(ImmutableArray<ConditionOperand> members)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var others = new List<ConditionOperand>();
        foreach (var member in members)
        {
            if (member.Constant is null && member.Family == ValueFamily.String && member.Text.IsLiteral)
            {
                (member.Text.IgnoreCase ? folded : exact).Add(string.Concat(member.Text.Tokens.Select(t => t.Char)));
            }
            else
            {
                others.Add(member);
            }
        }

        return (exact, folded, [.. others]);
    }

    public IEnumerable<TextPattern> Patterns => Members.Where(m => m.Constant is null).Select(m => m.Text);

    /// <summary>The plain strings among the members, in ordinal order (computed once).</summary>
    public IReadOnlyList<string> LiteralTexts => _literals.Value;

    private readonly Lazy<List<string>> _literals = new(() => [.. Members.Where(m => m.Constant is null && m.Text.IsLiteral)
        .Select(m => string.Concat(m.Text.Tokens.Select(t => t.Char))).Order(StringComparer.Ordinal)]);
}

public enum Quantifier
{
    /// <summary>Some value of the dimension is in the set (for a single value: it is; false when absent).</summary>
    Any,

    /// <summary>Every value is in the set (true when absent).</summary>
    All,
}

public abstract record Atom(int Id);

/// <summary>"Some value / every value of the dimension lies in the predicate's set".</summary>
public sealed record MembershipAtom(int Id, Predicate Predicate, Quantifier Quantifier) : Atom(Id)
{
    public Dimension Dimension => Predicate.Dimension;
}

/// <summary>"The condition key is present in the request".</summary>
public sealed record PresenceAtom(int Id, string KeyId) : Atom(Id);

/// <summary>
/// A test the theories cannot see inside (one that reads a policy variable): the search treats it as a free
/// proposition bounded by <see cref="Lower"/> ⇒ atom ⇒ <see cref="Upper"/>, and models that assign it are
/// confirmed on a concrete request before they count.
/// </summary>
public sealed record OpaqueAtom(int Id, string Description, Func<AccessRequest, bool> Holds) : Atom(Id)
{
    public Formula Upper { get; init; } = Formula.True;

    public Formula Lower { get; init; } = Formula.False;

    /// <summary>For a test of one value against one operand with variables: that operand (its cases can then be bounded exactly).</summary>
    public ConditionOperand? Operand { get; init; }

    /// <summary>The patterns with variables the test applies, and to which dimension (for choosing variable values).</summary>
    public ImmutableArray<(TextPattern Pattern, Dimension Dimension)> Uses { get; init; } = [];
}

/// <summary>What must hold when an opaque atom is true, and when it is false.</summary>
public sealed record OpaqueBounds(Formula IfTrue, Formula IfFalse);
