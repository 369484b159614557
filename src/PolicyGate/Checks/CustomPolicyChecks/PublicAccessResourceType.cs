using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>
/// The resource type CheckNoPublicAccess is asked about for a policy: a trust policy is a role's
/// (AWS::IAM::AssumeRolePolicyDocument); a template's resource policy names the type it governs; a standalone
/// resource policy file is placed by the services its Resource ARNs name, when they all name one service
/// whose resource type is unambiguous. Null: not a policy this check takes.
/// </summary>
public static class PublicAccessResourceType
{
    private static readonly Dictionary<string, string> ByService = new(StringComparer.Ordinal)
    {
        ["s3"] = "AWS::S3::Bucket",
        ["sqs"] = "AWS::SQS::Queue",
        ["sns"] = "AWS::SNS::Topic",
        ["kms"] = "AWS::KMS::Key",
        ["secretsmanager"] = "AWS::SecretsManager::Secret",
        ["lambda"] = "AWS::Lambda::Function",
        ["elasticfilesystem"] = "AWS::EFS::FileSystem",
        ["glacier"] = "AWS::S3::Glacier",
        ["backup"] = "AWS::Backup::BackupVault",
        ["codeartifact"] = "AWS::CodeArtifact::Domain",
        ["execute-api"] = "AWS::ApiGateway::RestApi",
    };

    public static string? Of(PolicySubject subject, PolicyDocument model)
    {
        if (subject.Kind == PolicyKind.Trust)
        {
            return "AWS::IAM::AssumeRolePolicyDocument";
        }

        if (subject.Kind != PolicyKind.Resource)
        {
            return null;
        }

        if (subject.ResourceType is { } type)
        {
            return AccessAnalyzerLimits.PublicAccessResourceTypes.Contains(type) ? type : null;
        }

        var services = model.Statements
            .SelectMany(s => s.Resource?.Items ?? [])
            .Select(r => r.Arn?.Service)
            .Distinct()
            .ToList();
        return services is [{ } service] && ByService.TryGetValue(service, out var inferred) ? inferred : null;
    }
}
