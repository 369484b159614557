using System.Collections.Immutable;

namespace PolicyGate.AccessAnalyzer;

/// <summary>Access Analyzer's four policy operations, one call each (ValidatePolicy follows its pages).</summary>
public sealed class AccessAnalyzerClient(AwsServiceTransport transport)
{
    public Task<PolicyCheckResult> CheckNoNewAccessAsync(string newPolicy, string existingPolicy, CheckPolicyType type, CancellationToken cancellationToken) =>
        transport.CallAsync(AccessAnalyzerRequests.CheckNoNewAccess(newPolicy, existingPolicy, type), AccessAnalyzerResponses.ParseCheck, cancellationToken);

    public Task<PolicyCheckResult> CheckAccessNotGrantedAsync(string policy, IReadOnlyList<string> actions, IReadOnlyList<string> resources, CheckPolicyType type, CancellationToken cancellationToken) =>
        transport.CallAsync(AccessAnalyzerRequests.CheckAccessNotGranted(policy, actions, resources, type), AccessAnalyzerResponses.ParseCheck, cancellationToken);

    public Task<PolicyCheckResult> CheckNoPublicAccessAsync(string policy, string resourceType, CancellationToken cancellationToken) =>
        transport.CallAsync(AccessAnalyzerRequests.CheckNoPublicAccess(policy, resourceType), AccessAnalyzerResponses.ParseCheck, cancellationToken);

    public async Task<ImmutableArray<ValidationFinding>> ValidatePolicyAsync(string policy, ValidatePolicyType type, string? resourceType, CancellationToken cancellationToken)
    {
        var findings = ImmutableArray.CreateBuilder<ValidationFinding>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 0; page < AccessAnalyzerLimits.MaxValidatePolicyPages; page++)
        {
            var result = await transport.CallAsync(AccessAnalyzerRequests.ValidatePolicy(policy, type, resourceType, token), AccessAnalyzerResponses.ParseValidatePolicy, cancellationToken).ConfigureAwait(false);
            findings.AddRange(result.Findings);
            if (result.NextToken is null)
            {
                return findings.ToImmutable();
            }

            if (!seenTokens.Add(result.NextToken))
            {
                throw new PolicyCheckUnavailableException("Access Analyzer ValidatePolicy returned a page token it had returned before; the pages do not end");
            }

            token = result.NextToken;
        }

        throw new PolicyCheckUnavailableException($"Access Analyzer ValidatePolicy did not finish within {AccessAnalyzerLimits.MaxValidatePolicyPages} pages");
    }
}
