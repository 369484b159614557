using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks.Guardrails;
using PolicyGate.Reasoning;

namespace PolicyGate.Benchmarks;

/// <summary>
/// The local engine's three checks on typical policies: an application role of six statements (wildcards,
/// a policy variable, tag and IP conditions, a Deny) against its previous version, the same role against the
/// no-privilege-escalation guard-rail, a GitHub trust policy against the trust-allow-listed guard-rail, and a
/// bucket policy for CheckNoPublicAccess. Each check is measured on a PASS and on a FAIL input (a FAIL
/// builds counterexamples and re-checks them). Each policy is parsed from its JSON text, as on the command line.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReasoningBenchmarks
{
    private const string AppRoleV1 = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AppData","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::app-data-*/*"},
          {"Sid":"ListTenant","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::app-data-*","Condition":{"StringLike":{"s3:prefix":["tenant/${aws:PrincipalTag/tenant}/*"]}}},
          {"Sid":"Tables","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query","dynamodb:UpdateItem"],"Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/app-*"},
          {"Sid":"Logs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:eu-west-1:111122223333:log-group:/app/*"},
          {"Sid":"Secrets","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*","Condition":{"StringEquals":{"aws:ResourceTag/app":"orders"}}},
          {"Sid":"OnlyFromOurNetwork","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","192.0.2.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}
        ]}
        """;

    // Narrower than v1: no DeleteObject, one table, an extra condition on the secret.
    private const string AppRoleV2Narrower = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AppData","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::app-data-*/*"},
          {"Sid":"ListTenant","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::app-data-*","Condition":{"StringLike":{"s3:prefix":["tenant/${aws:PrincipalTag/tenant}/*"]}}},
          {"Sid":"Tables","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query"],"Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/app-orders"},
          {"Sid":"Logs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:eu-west-1:111122223333:log-group:/app/*"},
          {"Sid":"Secrets","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*","Condition":{"StringEquals":{"aws:ResourceTag/app":"orders","secretsmanager:VersionStage":"AWSCURRENT"}}},
          {"Sid":"OnlyFromOurNetwork","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","192.0.2.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}
        ]}
        """;

    // Broader than v1: object ACLs, a queue, the secret's tag condition dropped, and iam:PassRole.
    private const string AppRoleV2Broader = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AppData","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:PutObjectAcl","s3:DeleteObject"],"Resource":"arn:aws:s3:::app-data-*/*"},
          {"Sid":"ListTenant","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::app-data-*","Condition":{"StringLike":{"s3:prefix":["tenant/${aws:PrincipalTag/tenant}/*"]}}},
          {"Sid":"Tables","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query","dynamodb:UpdateItem"],"Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/app-*"},
          {"Sid":"Queue","Effect":"Allow","Action":["sqs:SendMessage","sqs:ReceiveMessage"],"Resource":"arn:aws:sqs:eu-west-1:111122223333:app-*"},
          {"Sid":"Secrets","Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*"},
          {"Sid":"PassTaskRole","Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app-task","Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}},
          {"Sid":"OnlyFromOurNetwork","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","192.0.2.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}
        ]}
        """;

    private const string GitHubTrustNarrow = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
           "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":["repo:example-org/orders:ref:refs/heads/main","repo:example-org/orders:environment:prod"]}}}
        ]}
        """;

    private const string GitHubTrustAnyRepository = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity",
           "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}
        ]}
        """;

    private const string BucketPolicyPrivate = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"OrganisationReads","Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::shared-assets","arn:aws:s3:::shared-assets/*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}},
          {"Sid":"DeployerWrites","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/deployer"},"Action":["s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::shared-assets/*"},
          {"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::shared-assets","arn:aws:s3:::shared-assets/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}
        ]}
        """;

    private const string BucketPolicyPublic = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"OrganisationReads","Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::shared-assets","arn:aws:s3:::shared-assets/*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}},
          {"Sid":"PublicDownloads","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::shared-assets/public/*"},
          {"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::shared-assets","arn:aws:s3:::shared-assets/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}
        ]}
        """;

    private readonly LocalPolicyCheckEngine _engine = new();
    private ImmutableArray<string> _escalationActions;
    private string _trustReference = null!;

    [GlobalSetup]
    public void Setup()
    {
        var guardrails = GuardrailCatalog.BuiltIn;
        _escalationActions = guardrails.Find("no-privilege-escalation")!.Actions;
        _trustReference = guardrails.Find("trust-allow-listed")!.ReferencePolicyJson!;

        // Each benchmark must measure the verdict its name claims (and warms the catalog's services).
        Expect(nameof(NoNewAccessPass), NoNewAccessPass(), CheckVerdict.Pass);
        Expect(nameof(NoNewAccessFail), NoNewAccessFail(), CheckVerdict.Fail);
        Expect(nameof(TrustAllowListedPass), TrustAllowListedPass(), CheckVerdict.Pass);
        Expect(nameof(TrustAllowListedFail), TrustAllowListedFail(), CheckVerdict.Fail);
        Expect(nameof(AccessNotGrantedPass), AccessNotGrantedPass(), CheckVerdict.Pass);
        Expect(nameof(AccessNotGrantedFail), AccessNotGrantedFail(), CheckVerdict.Fail);
        Expect(nameof(NoPublicAccessPass), NoPublicAccessPass(), CheckVerdict.Pass);
        Expect(nameof(NoPublicAccessFail), NoPublicAccessFail(), CheckVerdict.Fail);
    }

    [Benchmark]
    public PolicyCheckResult NoNewAccessPass() => NoNewAccess(AppRoleV2Narrower, AppRoleV1, CheckPolicyType.Identity);

    [Benchmark]
    public PolicyCheckResult NoNewAccessFail() => NoNewAccess(AppRoleV2Broader, AppRoleV1, CheckPolicyType.Identity);

    [Benchmark]
    public PolicyCheckResult TrustAllowListedPass() => NoNewAccess(GitHubTrustNarrow, _trustReference, CheckPolicyType.Resource);

    [Benchmark]
    public PolicyCheckResult TrustAllowListedFail() => NoNewAccess(GitHubTrustAnyRepository, _trustReference, CheckPolicyType.Resource);

    [Benchmark]
    public PolicyCheckResult AccessNotGrantedPass() => AccessNotGranted(AppRoleV1);

    [Benchmark]
    public PolicyCheckResult AccessNotGrantedFail() => AccessNotGranted(AppRoleV2Broader);

    [Benchmark]
    public PolicyCheckResult NoPublicAccessPass() => NoPublicAccess(BucketPolicyPrivate);

    [Benchmark]
    public PolicyCheckResult NoPublicAccessFail() => NoPublicAccess(BucketPolicyPublic);

    private PolicyCheckResult NoNewAccess(string newPolicy, string existing, CheckPolicyType type) =>
        _engine.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(new PolicyDocumentInput(newPolicy), new PolicyDocumentInput(existing), type), default).GetAwaiter().GetResult();

    private PolicyCheckResult AccessNotGranted(string policy) =>
        _engine.CheckAccessNotGrantedAsync(new CheckAccessNotGrantedRequest(new PolicyDocumentInput(policy), _escalationActions, [], CheckPolicyType.Identity), default).GetAwaiter().GetResult();

    private PolicyCheckResult NoPublicAccess(string policy) =>
        _engine.CheckNoPublicAccessAsync(new CheckNoPublicAccessRequest(new PolicyDocumentInput(policy), "AWS::S3::Bucket"), default).GetAwaiter().GetResult();

    private static void Expect(string benchmark, PolicyCheckResult result, CheckVerdict expected)
    {
        if (result.Result != expected || result.Undecided)
        {
            throw new InvalidOperationException(
                $"{benchmark}: expected {expected}, got {result.Result}{(result.Undecided ? " (could not prove)" : string.Empty)}: {string.Join("; ", result.Reasons.Select(r => r.Explanation ?? r.Description))}");
        }
    }
}
