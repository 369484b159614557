using System.Collections.Immutable;

namespace PolicyGate.AccessAnalyzer;

/// <summary>A managed policy's version as IAM returns it, the document decoded.</summary>
public sealed record IamPolicyVersion(string PolicyArn, string VersionId, bool IsDefaultVersion, string Document);

/// <summary>A managed policy attached to a role.</summary>
public sealed record IamAttachedPolicy(string PolicyName, string PolicyArn);

/// <summary>
/// The IAM reads the engine needs to use deployed policies as references. The answers describe the account's
/// current state, so they are never cached across runs.
/// </summary>
public sealed class IamClient(AwsServiceTransport transport)
{
    private const int MaxListPages = 100;

    public Task<string> GetPolicyDefaultVersionIdAsync(string policyArn, AwsPartition partition, CancellationToken cancellationToken) =>
        transport.CallAsync(
            IamQuery.Request("GetPolicy", partition, ("PolicyArn", policyArn)),
            body => IamQuery.Text(IamQuery.Child(IamQuery.Result(body, "GetPolicy"), "Policy"), "DefaultVersionId"),
            cancellationToken);

    public Task<IamPolicyVersion> GetPolicyVersionAsync(string policyArn, string versionId, AwsPartition partition, CancellationToken cancellationToken) =>
        transport.CallAsync(
            IamQuery.Request("GetPolicyVersion", partition, ("PolicyArn", policyArn), ("VersionId", versionId)),
            body =>
            {
                var version = IamQuery.Child(IamQuery.Result(body, "GetPolicyVersion"), "PolicyVersion");
                return new IamPolicyVersion(
                    policyArn,
                    IamQuery.Text(version, "VersionId"),
                    string.Equals(IamQuery.OptionalText(version, "IsDefaultVersion"), "true", StringComparison.OrdinalIgnoreCase),
                    IamQuery.PolicyDocument(version, "Document"));
            },
            cancellationToken);

    /// <summary>GetPolicy for the default version id, then GetPolicyVersion for its document.</summary>
    public async Task<IamPolicyVersion> GetDefaultPolicyVersionAsync(string policyArn, AwsPartition partition, CancellationToken cancellationToken)
    {
        var versionId = await GetPolicyDefaultVersionIdAsync(policyArn, partition, cancellationToken).ConfigureAwait(false);
        return await GetPolicyVersionAsync(policyArn, versionId, partition, cancellationToken).ConfigureAwait(false);
    }

    public Task<string> GetRolePolicyAsync(string roleName, string policyName, AwsPartition partition, CancellationToken cancellationToken) =>
        InlinePolicyAsync("GetRolePolicy", ("RoleName", roleName), policyName, partition, cancellationToken);

    public Task<string> GetUserPolicyAsync(string userName, string policyName, AwsPartition partition, CancellationToken cancellationToken) =>
        InlinePolicyAsync("GetUserPolicy", ("UserName", userName), policyName, partition, cancellationToken);

    public Task<string> GetGroupPolicyAsync(string groupName, string policyName, AwsPartition partition, CancellationToken cancellationToken) =>
        InlinePolicyAsync("GetGroupPolicy", ("GroupName", groupName), policyName, partition, cancellationToken);

    /// <summary>The role's trust policy (AssumeRolePolicyDocument).</summary>
    public Task<string> GetRoleTrustPolicyAsync(string roleName, AwsPartition partition, CancellationToken cancellationToken) =>
        transport.CallAsync(
            IamQuery.Request("GetRole", partition, ("RoleName", roleName)),
            body => IamQuery.PolicyDocument(IamQuery.Child(IamQuery.Result(body, "GetRole"), "Role"), "AssumeRolePolicyDocument"),
            cancellationToken);

    /// <summary>Every managed policy attached to the role, following Marker pages.</summary>
    public async Task<ImmutableArray<IamAttachedPolicy>> ListAttachedRolePoliciesAsync(string roleName, AwsPartition partition, CancellationToken cancellationToken)
    {
        var all = ImmutableArray.CreateBuilder<IamAttachedPolicy>();
        string? marker = null;
        for (var page = 0; page < MaxListPages; page++)
        {
            var (policies, next) = await transport.CallAsync(
                IamQuery.Request("ListAttachedRolePolicies", partition, ("RoleName", roleName), ("Marker", marker)),
                body =>
                {
                    var result = IamQuery.Result(body, "ListAttachedRolePolicies");
                    var attached = IamQuery.Child(result, "AttachedPolicies").Elements()
                        .Select(m => new IamAttachedPolicy(IamQuery.Text(m, "PolicyName"), IamQuery.Text(m, "PolicyArn")))
                        .ToList();
                    var truncated = string.Equals(IamQuery.OptionalText(result, "IsTruncated"), "true", StringComparison.OrdinalIgnoreCase);
                    var nextMarker = truncated ? IamQuery.OptionalText(result, "Marker") : null;
                    if (truncated && string.IsNullOrEmpty(nextMarker))
                    {
                        throw new AwsMalformedResponseException("IsTruncated is true but there is no Marker");
                    }

                    return (attached, nextMarker);
                },
                cancellationToken).ConfigureAwait(false);
            all.AddRange(policies);
            if (next is null)
            {
                return all.ToImmutable();
            }

            if (next == marker)
            {
                throw new PolicyCheckUnavailableException($"IAM ListAttachedRolePolicies for role {roleName} returned the same Marker twice");
            }

            marker = next;
        }

        throw new PolicyCheckUnavailableException($"IAM ListAttachedRolePolicies for role {roleName} did not finish within {MaxListPages} pages");
    }

    private Task<string> InlinePolicyAsync(string operation, (string Name, string Value) owner, string policyName, AwsPartition partition, CancellationToken cancellationToken) =>
        transport.CallAsync(
            IamQuery.Request(operation, partition, (owner.Name, owner.Value), ("PolicyName", policyName)),
            body => IamQuery.PolicyDocument(IamQuery.Result(body, operation), "PolicyDocument"),
            cancellationToken);
}
