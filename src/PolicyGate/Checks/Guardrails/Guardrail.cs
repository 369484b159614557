using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Checks.Guardrails;

/// <summary>Which custom policy check a guard-rail runs.</summary>
public enum GuardrailCheck
{
    /// <summary>CheckNoNewAccess against <see cref="Guardrail.ReferencePolicyJson"/>.</summary>
    NoNewAccess,

    /// <summary>CheckAccessNotGranted with <see cref="Guardrail.Actions"/> and <see cref="Guardrail.Resources"/>.</summary>
    AccessNotGranted,
}

/// <summary>
/// A named reference for a custom policy check (rules/guardrails/*.json, or a team's own file): a reference
/// policy for no-new-access, or actions (and optionally resources) for access-not-granted.
/// </summary>
public sealed record Guardrail(
    string Name,
    GuardrailCheck Check,
    CheckPolicyType PolicyType,
    string Summary,
    string AppliesTo,
    string? ReferencePolicyJson,
    ImmutableArray<string> Actions,
    ImmutableArray<string> Resources)
{
    /// <summary>True for a reference written for role trust policies ("policyType": "trust"): it applies to no other resource policy.</summary>
    public bool TrustPoliciesOnly { get; init; }

}
