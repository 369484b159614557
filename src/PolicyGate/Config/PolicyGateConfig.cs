using System.Collections.Immutable;
using PolicyGate.Checks;
using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>The run's configuration: policygate.yaml merged over the built-in defaults.</summary>
public sealed record PolicyGateConfig
{
    public static PolicyGateConfig Default { get; } = new();

    /// <summary>Report path of the file this came from; null for the built-in defaults.</summary>
    public string? SourcePath { get; init; }

    public ImmutableArray<string> Include { get; init; } = [];

    public ImmutableArray<string> Exclude { get; init; } = [];

    public bool UseGitIgnore { get; init; } = true;

    public long MaxFileBytes { get; init; } = LoadLimits.DefaultMaxFileBytes;

    /// <summary>error, warning, note or never; null when the file does not say (the command line decides).</summary>
    public string? FailOn { get; init; }

    public RuleSettings Rules { get; init; } = RuleSettings.Default;

    public AwsSettings Aws { get; init; } = AwsSettings.Default;

    /// <summary>CloudFormation parameter, pseudo parameter and import values (see <see cref="CloudFormationSettings"/>).</summary>
    public CloudFormationSettings CloudFormation { get; init; } = CloudFormationSettings.Default;

    /// <summary>Suppressions and the baseline path (see <see cref="AdoptionSettings"/>).</summary>
    public AdoptionSettings Adoption { get; init; } = AdoptionSettings.Default;

    /// <summary>EventBridge rule tests (see <see cref="EventsSettings"/>).</summary>
    public EventsSettings Events { get; init; } = EventsSettings.Default;

    /// <summary>The custom policy checks scan runs (see <see cref="ChecksSettings"/>).</summary>
    public ChecksSettings Checks { get; init; } = ChecksSettings.Default;
}
