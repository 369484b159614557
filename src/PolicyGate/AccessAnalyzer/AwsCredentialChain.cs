using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// Credentials through AWSSDK.Core's chain and nothing else. Without a profile: the SDK's default chain
/// (environment variables, the profile named by AWS_PROFILE or "default" from the shared config and credentials
/// files, web identity as GitHub OIDC uses it, container credentials, instance metadata). With a profile: that
/// profile from the shared files (static keys, SSO, assume-role, web identity, credential_process), and the
/// run fails if it does not exist rather than silently using other credentials.
/// </summary>
public sealed class AwsCredentialChain : IAwsCredentialSource
{
    private readonly string? _profile;
    private readonly string? _sharedCredentialsFile;
    private readonly SemaphoreSlim _resolveOnce = new(1, 1);
    private AWSCredentials? _resolved;

    /// <param name="profile">A named profile, or null for the default chain.</param>
    /// <param name="sharedCredentialsFile">The shared credentials file to read a profile from, instead of the SDK's default location.</param>
    public AwsCredentialChain(string? profile, string? sharedCredentialsFile = null)
    {
        _profile = string.IsNullOrWhiteSpace(profile) ? null : profile.Trim();
        _sharedCredentialsFile = sharedCredentialsFile;
        if (_sharedCredentialsFile is not null && _profile is null)
        {
            _profile = "default";
        }
    }

    public string Description => _profile is null ? "the default AWS credential chain" : $"AWS profile \"{_profile}\"";

    public async Task<AwsSigningCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await ResolveAsync(cancellationToken).ConfigureAwait(false);
        ImmutableCredentials keys;
        try
        {
            keys = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PolicyCheckUnavailableException($"AWS credentials from {Description} could not be obtained: {FirstLine(ex.Message)}");
        }

        if (keys is null || string.IsNullOrEmpty(keys.AccessKey) || string.IsNullOrEmpty(keys.SecretKey))
        {
            throw new PolicyCheckUnavailableException($"AWS credentials from {Description} are empty");
        }

        return new AwsSigningCredentials(keys.AccessKey, keys.SecretKey, keys.UseToken ? keys.Token : null);
    }

    /// <summary>The region the profile names, if any (the region chain falls back to it).</summary>
    public string? ProfileRegion()
    {
        if (_profile is null)
        {
            return null;
        }

        var store = _sharedCredentialsFile is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(_sharedCredentialsFile);
        return store.TryGetProfile(_profile, out var profile) ? profile.Region?.SystemName : null;
    }

    private async Task<AWSCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        if (_resolved is { } done)
        {
            return done;
        }

        await _resolveOnce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _resolved ??= await ResolveUncachedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _resolveOnce.Release();
        }
    }

    private async Task<AWSCredentials> ResolveUncachedAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_profile is not null)
            {
                var store = _sharedCredentialsFile is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(_sharedCredentialsFile);
                return store.TryGetAWSCredentials(_profile, out var fromProfile)
                    ? fromProfile
                    : throw new PolicyCheckUnavailableException($"AWS profile \"{_profile}\" was not found in the shared config or credentials files, or has no usable credentials");
            }

            var resolver = new DefaultAWSCredentialsIdentityResolver();
            return await resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false)
                ?? throw new PolicyCheckUnavailableException("the default AWS credential chain returned no credentials");
        }
        catch (Exception ex) when (ex is not (PolicyCheckUnavailableException or OperationCanceledException))
        {
            throw new PolicyCheckUnavailableException($"no AWS credentials resolved from {Description}: {Summarize(ex.Message)}");
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>The SDK lists each provider's error on its own line; keep them, on one line.</summary>
    private static string Summarize(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
