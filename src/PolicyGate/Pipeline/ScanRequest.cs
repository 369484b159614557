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

    /// <summary>Called after each file; for progress display only.</summary>
    public Action<int, int>? Progress { get; init; }
}
