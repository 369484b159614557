using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;

namespace PolicyGate.Reporting;

/// <summary>
/// The answer of one single policy check as the commands report it: the engine's result, where each reason's
/// statement is in the file (null when the engine named no statement), and which engine answered and why.
/// </summary>
public sealed record PolicyCheckReport(PolicyCheckResult Result, ImmutableArray<SourceLocation?> ReasonLocations, string EngineReason)
{
    /// <summary>The AWS calls the run made (null when no AWS engine ran).</summary>
    public AwsCallStatistics? AwsStatistics { get; init; }

    /// <summary>Where the reference policy came from when it was read from AWS (CheckNoNewAccess with --existing-policy-arn).</summary>
    public string? ExistingPolicySource { get; init; }
}
