namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// The keys a request is signed with, as the credential chain returned them. Never printed: ToString names the
/// access key id's last four characters only, so a stray interpolation cannot leak the secret or the token.
/// </summary>
public sealed class AwsSigningCredentials(string accessKeyId, string secretAccessKey, string? sessionToken)
{
    public string AccessKeyId { get; } = accessKeyId;

    internal string SecretAccessKey { get; } = secretAccessKey;

    internal string? SessionToken { get; } = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;

    public bool HasSessionToken => SessionToken is not null;

    public override string ToString() =>
        $"AWS credentials (access key ending {(AccessKeyId.Length > 4 ? AccessKeyId[^4..] : "****")}{(HasSessionToken ? ", with session token" : string.Empty)})";
}
