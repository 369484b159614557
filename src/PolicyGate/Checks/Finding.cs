using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Checks;

/// <summary>
/// One problem found: which rule, how serious, a message naming the concrete problem, and the most precise
/// location known. Properties carry machine-readable extras (an Access Analyzer issue code, a counterexample)
/// in a stable order.
/// </summary>
public sealed record Finding(RuleDescriptor Rule, FindingLevel Level, string Message, SourceLocation Location)
{
    public ImmutableSortedDictionary<string, string> Properties { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Other places that matter to the finding (for example the first of two duplicate keys).</summary>
    public ImmutableArray<RelatedLocation> Related { get; init; } = ImmutableArray<RelatedLocation>.Empty;

    /// <summary>
    /// The finding's identity across runs (see <c>Reporting/FindingFingerprint</c>): stable when lines shift,
    /// so a baseline recognises it. Null until the pipeline stamps it.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>The suppression that applies, if any: the finding is kept for the record but does not block.</summary>
    public Suppression? SuppressedBy { get; init; }

    /// <summary>New or unchanged relative to the baseline; null when the run has no baseline.</summary>
    public BaselineState? Baseline { get; init; }

    /// <summary>Whether the finding counts towards the exit code: not suppressed and not already in the baseline.</summary>
    public bool IsBlockingCandidate => SuppressedBy is null && Baseline != BaselineState.Unchanged;

    public string RuleId => Rule.Id;

    public Finding WithProperty(string key, string value) => this with { Properties = Properties.SetItem(key, value) };
}

public sealed record RelatedLocation(SourceLocation Location, string Message);

/// <summary>The order reports use: by path, then position, then rule and message. Deterministic.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c == 0) c = x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        if (c == 0) c = x.Location.Span.End.CompareTo(y.Location.Span.End);
        if (c == 0) c = string.CompareOrdinal(x.RuleId, y.RuleId);
        if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);
        if (c == 0) c = y.Level.CompareTo(x.Level);
        return c;
    }
}
