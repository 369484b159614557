using PolicyGate.AccessAnalyzer;

namespace PolicyGate.Cli;

/// <summary>
/// Where check-no-new-access finds the reference policy: a file, or a deployed policy named by ARN
/// (<see cref="DeployedPolicyReference"/>: a managed policy's default version, a role's trust policy, an inline
/// policy of a role, user or group).
/// </summary>
internal sealed record ExistingPolicyArguments(string? File, string? Arn, string? InlinePolicyName, bool TrustPolicy, string? GuardrailName = null)
{
    /// <summary>The built-in reference <see cref="GuardrailName"/> names (valid only when <see cref="Problem"/> returned null).</summary>
    public Checks.Guardrails.Guardrail? Guardrail => GuardrailName is null ? null : Checks.Guardrails.GuardrailCatalog.BuiltIn.Find(GuardrailName);

    /// <summary>The deployed policy the ARN options name (valid only when <see cref="Problem"/> returned null).</summary>
    public DeployedPolicyReference? Reference => Arn is null ? null : DeployedPolicyReference.Parse(Arn, InlinePolicyName);

    /// <summary>Why the options do not name exactly one reference policy that fits the policy type, or null.</summary>
    public string? Problem(CheckPolicyType type)
    {
        if (new[] { File, Arn, GuardrailName }.Count(o => o is not null) != 1)
        {
            return "give the reference policy as --existing-policy FILE, --existing-policy-arn ARN or --guardrail NAME (one of them)";
        }

        if (GuardrailName is not null)
        {
            // The guard-rail itself was vetted with the policy type (GuardrailOptions.PolicyType).
            return InlinePolicyName is not null || TrustPolicy ? "--existing-inline-policy and --existing-trust-policy apply only with --existing-policy-arn" : null;
        }

        if (Arn is null)
        {
            return InlinePolicyName is not null || TrustPolicy ? "--existing-inline-policy and --existing-trust-policy apply only with --existing-policy-arn" : null;
        }

        if (TrustPolicy && InlinePolicyName is not null)
        {
            return "give --existing-trust-policy or --existing-inline-policy, not both";
        }

        DeployedPolicyReference reference;
        try
        {
            reference = DeployedPolicyReference.Parse(Arn, InlinePolicyName);
        }
        catch (ArgumentException ex)
        {
            return $"--existing-policy-arn: {ex.Message}";
        }

        return reference.Kind switch
        {
            DeployedPolicyKind.RoleTrustPolicy when !TrustPolicy =>
                $"--existing-policy-arn {Arn} is a role: add --existing-trust-policy (its trust policy) or --existing-inline-policy NAME (one of its inline policies)",
            DeployedPolicyKind.RoleTrustPolicy when type != CheckPolicyType.Resource =>
                "a role's trust policy is a resource policy: use --policy-type resource",
            not DeployedPolicyKind.RoleTrustPolicy when TrustPolicy =>
                $"--existing-trust-policy applies to a role ARN; {Arn} is not one",
            not DeployedPolicyKind.RoleTrustPolicy when type != CheckPolicyType.Identity =>
                $"{reference.Describe()} is an identity policy: use --policy-type identity",
            _ => null,
        };
    }
}
