namespace PolicyGate.AccessAnalyzer;

/// <summary>Where signing keys come from. Asked before every request, so refreshing credentials (SSO, web identity) stay current.</summary>
public interface IAwsCredentialSource
{
    /// <summary>Says where credentials are looked for ("the default chain", "profile dev"), for messages.</summary>
    string Description { get; }

    /// <summary>The current keys; throws <see cref="PolicyCheckUnavailableException"/> when none resolve.</summary>
    Task<AwsSigningCredentials> GetAsync(CancellationToken cancellationToken);
}
