using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Checks.Guardrails;

public enum GuardrailCheck
{
    NoNewAccess,
    AccessNotGranted,
}

public sealed record Guardrail(string Name, GuardrailCheck Check, CheckPolicyType PolicyType, string Summary, string AppliesTo, string? ReferencePolicyJson, ImmutableArray<string> Actions, ImmutableArray<string> Resources);
