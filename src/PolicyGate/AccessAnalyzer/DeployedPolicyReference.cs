using System.Text.RegularExpressions;

namespace PolicyGate.AccessAnalyzer;

/// <summary>Which deployed document an ARN (and, for inline policies, a policy name) designates.</summary>
public enum DeployedPolicyKind
{
    /// <summary>A managed policy's default version.</summary>
    ManagedPolicy,

    /// <summary>A role's trust policy (AssumeRolePolicyDocument).</summary>
    RoleTrustPolicy,

    RoleInlinePolicy,
    UserInlinePolicy,
    GroupInlinePolicy,
}

/// <summary>
/// A deployed policy to compare against: <c>arn:aws:iam::123456789012:policy/Name</c> (a managed policy's
/// default version), a role ARN (its trust policy, or with a policy name its inline policy), a user or group
/// ARN with a policy name (their inline policy). The ARN's partition picks the IAM endpoint.
/// </summary>
public sealed partial record DeployedPolicyReference(string Arn, DeployedPolicyKind Kind, AwsPartition Partition, string EntityName, string? InlinePolicyName)
{
    public static DeployedPolicyReference Parse(string arn, string? inlinePolicyName = null)
    {
        var match = IamArn().Match(arn.Trim());
        if (!match.Success)
        {
            throw new ArgumentException($"\"{arn}\" is not an IAM policy, role, user or group ARN such as arn:aws:iam::123456789012:policy/Name");
        }

        var partition = AwsPartition.FromId(match.Groups["partition"].Value)
            ?? throw new ArgumentException($"the ARN \"{arn}\" names the partition \"{match.Groups["partition"].Value}\"; supported: aws, aws-cn, aws-us-gov");
        var type = match.Groups["type"].Value;
        var name = match.Groups["name"].Value;
        var policyName = string.IsNullOrWhiteSpace(inlinePolicyName) ? null : inlinePolicyName.Trim();
        var kind = (type, policyName) switch
        {
            ("policy", null) => DeployedPolicyKind.ManagedPolicy,
            ("policy", _) => throw new ArgumentException($"\"{arn}\" is a managed policy; an inline policy name ({policyName}) does not apply to it"),
            ("role", null) => DeployedPolicyKind.RoleTrustPolicy,
            ("role", _) => DeployedPolicyKind.RoleInlinePolicy,
            ("user", null) or ("group", null) => throw new ArgumentException($"\"{arn}\" is a {type}; name the inline policy to compare with"),
            ("user", _) => DeployedPolicyKind.UserInlinePolicy,
            _ => DeployedPolicyKind.GroupInlinePolicy,
        };
        if (type != "policy" && match.Groups["account"].Value == "aws")
        {
            throw new ArgumentException($"\"{arn}\": only managed policies have the account \"aws\"");
        }

        return new DeployedPolicyReference(match.Value, kind, partition, name, policyName);
    }

    public string Describe() => Kind switch
    {
        DeployedPolicyKind.ManagedPolicy => $"the default version of {Arn}",
        DeployedPolicyKind.RoleTrustPolicy => $"the trust policy of {Arn}",
        _ => $"the inline policy {InlinePolicyName} of {Arn}",
    };

    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):iam::(?<account>[0-9]{12}|aws):(?<type>policy|role|user|group)/(?:[\x21-\x7E]*/)?(?<name>[A-Za-z0-9_+=,.@-]{1,128})$")]
    private static partial Regex IamArn();
}
