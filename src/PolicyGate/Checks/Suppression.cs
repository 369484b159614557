using PolicyGate.Documents;

namespace PolicyGate.Checks;

/// <summary>Where a suppression was written, in SARIF's terms.</summary>
public enum SuppressionKind
{
    /// <summary>In the scanned file itself (a template's <c>Metadata: policygate: ignore</c>).</summary>
    InSource,

    /// <summary>Outside the scanned file (policygate.yaml <c>suppressions:</c>).</summary>
    External,
}

/// <summary>
/// A decision not to report some findings: which rule (id or Access Analyzer issue code), where, why and until
/// when. <see cref="Origin"/> is where the suppression itself is written (reported when it expires).
/// An in-source suppression covers <see cref="Scope"/> in <see cref="Origin"/>'s file; an external one covers
/// the files matching <see cref="PathGlob"/> (all files when null) and, when given, only findings about the
/// resource <see cref="LogicalId"/>.
/// </summary>
public sealed record Suppression(SuppressionKind Kind, string Rule, string Reason, SourceLocation Origin)
{
    public string? PathGlob { get; init; }

    public string? LogicalId { get; init; }

    /// <summary>The span an in-source suppression covers (the template, or one resource's definition).</summary>
    public SourceSpan? Scope { get; init; }

    /// <summary>The last day the suppression applies; from the next day on it is reported instead (PG9200).</summary>
    public DateOnly? Expires { get; init; }

    public bool IsExpiredOn(DateOnly today) => Expires is { } last && today > last;

    /// <summary>The SARIF <c>kind</c> value.</summary>
    public string SarifKind => Kind == SuppressionKind.InSource ? "inSource" : "external";
}

/// <summary>How a finding relates to the baseline given with <c>--baseline</c> (SARIF <c>baselineState</c>).</summary>
public enum BaselineState
{
    New,
    Unchanged,
}
