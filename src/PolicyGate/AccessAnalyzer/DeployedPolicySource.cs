namespace PolicyGate.AccessAnalyzer;

/// <summary>A deployed policy document fetched from IAM, decoded, with a phrase saying where it came from.</summary>
public sealed record DeployedPolicy(DeployedPolicyReference Reference, string Document, string Origin);

/// <summary>
/// References from AWS: fetches the deployed document a <see cref="DeployedPolicyReference"/> names, for
/// CheckNoNewAccess against what is live today (<c>--existing-policy-arn</c>). Uses the engine's IAM client, so
/// the calls share its budget, bound, retries and counters, and fail closed the same way.
/// </summary>
public sealed class DeployedPolicySource(IamClient iam)
{
    public async Task<DeployedPolicy> FetchAsync(DeployedPolicyReference reference, CancellationToken cancellationToken)
    {
        var partition = reference.Partition;
        switch (reference.Kind)
        {
            case DeployedPolicyKind.ManagedPolicy:
                var version = await iam.GetDefaultPolicyVersionAsync(reference.Arn, partition, cancellationToken).ConfigureAwait(false);
                return new DeployedPolicy(reference, version.Document, $"{reference.Arn} version {version.VersionId} (default)");
            case DeployedPolicyKind.RoleTrustPolicy:
                var trust = await iam.GetRoleTrustPolicyAsync(reference.EntityName, partition, cancellationToken).ConfigureAwait(false);
                return new DeployedPolicy(reference, trust, reference.Describe());
            case DeployedPolicyKind.RoleInlinePolicy:
                var role = await iam.GetRolePolicyAsync(reference.EntityName, reference.InlinePolicyName!, partition, cancellationToken).ConfigureAwait(false);
                return new DeployedPolicy(reference, role, reference.Describe());
            case DeployedPolicyKind.UserInlinePolicy:
                var user = await iam.GetUserPolicyAsync(reference.EntityName, reference.InlinePolicyName!, partition, cancellationToken).ConfigureAwait(false);
                return new DeployedPolicy(reference, user, reference.Describe());
            default:
                var group = await iam.GetGroupPolicyAsync(reference.EntityName, reference.InlinePolicyName!, partition, cancellationToken).ConfigureAwait(false);
                return new DeployedPolicy(reference, group, reference.Describe());
        }
    }
}
