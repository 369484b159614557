namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// The checks IAM Access Analyzer offers, behind one interface with two implementations: the offline
/// reasoning engine ("local") and Access Analyzer itself over HTTPS ("aws"). Both answer in Access Analyzer's
/// terms (PASS/FAIL with reasons naming statement indexes), so findings have one shape whichever engine ran.
/// A check that cannot be completed must never answer PASS: the local engine answers FAIL ("could not
/// prove"); the AWS engine throws <see cref="PolicyCheckUnavailableException"/>.
/// </summary>
public interface IPolicyCheckEngine
{
    /// <summary>"local" or "aws".</summary>
    string Name { get; }

    Task<PolicyCheckResult> CheckNoNewAccessAsync(CheckNoNewAccessRequest request, CancellationToken cancellationToken);

    Task<PolicyCheckResult> CheckAccessNotGrantedAsync(CheckAccessNotGrantedRequest request, CancellationToken cancellationToken);

    Task<PolicyCheckResult> CheckNoPublicAccessAsync(CheckNoPublicAccessRequest request, CancellationToken cancellationToken);

    Task<ValidatePolicyResult> ValidatePolicyAsync(ValidatePolicyRequest request, CancellationToken cancellationToken);
}

/// <summary>The engine could not answer (network, credentials, budget). Callers report it as a tool error, never as PASS.</summary>
public sealed class PolicyCheckUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
