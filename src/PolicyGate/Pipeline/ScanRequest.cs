using PolicyGate.Checks;
using PolicyGate.Config;

namespace PolicyGate.Pipeline;

/// <summary>What to scan and how: the paths as given and the run's configuration.</summary>
public sealed record ScanRequest
{
    public required IReadOnlyList<string> Paths { get; init; }

    public required string WorkingDirectory { get; init; }

    public PolicyGateConfig Config { get; init; } = PolicyGateConfig.Default;

    public RuleCatalog Catalog { get; init; } = RuleCatalog.BuiltIn;

    /// <summary>
    /// When set, only these files are scanned (the files changed since a git ref, see
    /// <see cref="Discovery.GitChanges"/>), within <see cref="Paths"/>.
    /// </summary>
    public Discovery.GitChanges? Changes { get; init; }

    /// <summary>Also scan the files that reference a scanned file by its relative path (see <see cref="Discovery.ReferencingFiles"/>).</summary>
    public bool IncludeReferencing { get; init; }

    /// <summary>Findings already in this baseline are marked unchanged and do not block.</summary>
    public Reporting.Baseline? Baseline { get; init; }

    /// <summary>The day suppression expiry dates are compared with (an input, so reports stay reproducible).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Keep suppressed findings in the report (marked, with their justification) instead of dropping them.</summary>
    public bool IncludeSuppressed { get; init; }

    /// <summary>The engine the custom policy checks run on (default: the local engine).</summary>
    public AccessAnalyzer.IPolicyCheckEngine? Engine { get; init; }

    /// <summary>How the engine was chosen ("engine auto chose local: ...") and, for the AWS engine, its call counters.</summary>
    public AccessAnalyzer.EngineSelection? EngineSelection { get; init; }

    /// <summary>Files checked at once; above the core count only to keep calls to a remote engine in flight.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called after each file; for progress display only.</summary>
    public Action<int, int>? Progress { get; init; }
}
