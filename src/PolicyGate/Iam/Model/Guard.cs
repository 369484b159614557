using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Model;

/// <summary>One alternative of an undecidable CloudFormation choice (a <see cref="ChoiceNode"/>), named by the choice's span.</summary>
public readonly record struct ChoiceBranch(SourceSpan Choice, string Reason, int Alternative, int AlternativeCount);

/// <summary>
/// Which choice alternatives a part of the policy exists under. Empty: always there. A reasoning engine reads
/// a guarded part permissively for the policy under test (an Allow that may exist exists, a Deny that may not
/// exist does not) and strictly for a reference; the branches let it be exact when it wants to.
/// </summary>
public readonly record struct Guard(ImmutableArray<ChoiceBranch> Branches)
{
    public static Guard Always { get; } = new(ImmutableArray<ChoiceBranch>.Empty);

    /// <summary>True when the part depends on a choice (it may be absent).</summary>
    public bool IsConditional => !Branches.IsDefaultOrEmpty;

    public Guard And(ChoiceBranch branch) => new((Branches.IsDefault ? ImmutableArray<ChoiceBranch>.Empty : Branches).Add(branch));

    public bool Equals(Guard other) =>
        (Branches.IsDefaultOrEmpty && other.Branches.IsDefaultOrEmpty)
        || (!Branches.IsDefault && !other.Branches.IsDefault && Branches.SequenceEqual(other.Branches));

    public override int GetHashCode() =>
        Branches.IsDefaultOrEmpty ? 0 : Branches.Aggregate(17, (h, b) => HashCode.Combine(h, b));

    public override string ToString() =>
        IsConditional ? string.Join(" and ", Branches.Select(b => $"alternative {b.Alternative + 1} of {b.Reason}")) : "always";
}
