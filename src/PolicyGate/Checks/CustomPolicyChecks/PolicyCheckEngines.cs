using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>
/// The engine a run chose for the custom policy checks, and the local engine beside it: a policy whose values
/// are not all known offline (template parameters without values, undecided conditions) cannot be sent to
/// Access Analyzer faithfully, so the local engine, which reasons over unknowns soundly, checks it instead.
/// </summary>
public sealed record PolicyCheckEngines(IPolicyCheckEngine Chosen, IPolicyCheckEngine LocalEngine)
{
    public static PolicyCheckEngines Local { get; } = new(new LocalPolicyCheckEngine(), new LocalPolicyCheckEngine());

    public static PolicyCheckEngines For(IPolicyCheckEngine chosen) =>
        chosen is LocalPolicyCheckEngine ? new(chosen, chosen) : new(chosen, new LocalPolicyCheckEngine());

    /// <summary>The engine for this policy.</summary>
    public IPolicyCheckEngine For(CheckedPolicy policy) => policy.FullyKnown ? Chosen : LocalEngine;
}
