using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Benchmarks;

/// <summary>
/// IAM validation: the cost of loading the embedded catalog, and validation throughput (policies per second =
/// <see cref="PolicyCount"/> / mean time of <see cref="ValidateAll"/>) on generated, realistic policies.
/// </summary>
[MemoryDiagnoser]
public class IamBenchmarks
{
    public const int PolicyCount = 100;

    private readonly List<(Node Root, PolicyKind Kind)> _policies = [];
    private OfflinePolicyValidator _validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var loader = new DocumentLoader(LoadLimits.Default);
        for (var i = 0; i < PolicyCount; i++)
        {
            var (text, kind) = (i % 4) switch
            {
                0 => (ResourcePolicy(i), PolicyKind.Resource),
                1 => (TrustPolicy(i), PolicyKind.Trust),
                _ => (IdentityPolicy(i), PolicyKind.Identity),
            };
            var file = loader.Load(new SourceFile($"p{i}.json", $"/p{i}.json"), Encoding.UTF8.GetBytes(text));
            _policies.Add((file.Documents[0], kind));
        }

        _validator = OfflinePolicyValidator.CreateDefault();
        Console.WriteLine($"// {PolicyCount} policies, {_policies.Sum(p => PolicySize.Of(p.Root)):N0} characters");
    }

    /// <summary>What a typical run pays: load the catalog and use five services.</summary>
    [Benchmark]
    public int LoadCatalog()
    {
        var catalog = IamCatalogResource.LoadEmbedded();
        return new[] { "s3", "iam", "ec2", "sts", "kms" }.Sum(s => catalog.Service(s)!.Actions.Count);
    }

    /// <summary>Load the catalog and parse every service (what corpus-wide wildcard expansion would pay).</summary>
    [Benchmark]
    public int LoadWholeCatalog() => IamCatalogResource.LoadEmbedded().ActionCount;

    [Benchmark]
    public int BuildModels()
    {
        var statements = 0;
        foreach (var (root, kind) in _policies)
        {
            statements += PolicyModelBuilder.Build(root, kind).Statements.Length;
        }

        return statements;
    }

    [Benchmark(OperationsPerInvoke = PolicyCount)]
    public int ValidateAll()
    {
        var issues = 0;
        foreach (var (root, kind) in _policies)
        {
            issues += _validator.Validate(PolicyModelBuilder.Build(root, kind)).Length;
        }

        return issues;
    }

    private static string IdentityPolicy(int i) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "Read{{i}}", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "s3:GetObjectVersion"],
              "Resource": ["arn:aws:s3:::bucket-{{i}}", "arn:aws:s3:::bucket-{{i}}/${aws:username}/*"],
              "Condition": { "StringEquals": { "aws:PrincipalTag/team": "platform" }, "Bool": { "aws:SecureTransport": "true" } } },
            { "Sid": "Queue", "Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"],
              "Resource": "arn:aws:sqs:eu-west-1:111122223333:queue-{{i}}" },
            { "Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-{{i}}",
              "Condition": { "StringEquals": { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } },
            { "Sid": "Describe", "Effect": "Allow", "Action": ["ec2:Describe*", "cloudwatch:GetMetricData", "logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*" },
            { "Sid": "DenyOutside", "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*",
              "Condition": { "StringNotEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } } }
          ]
        }
        """;

    private static string ResourcePolicy(int i) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Sid": "Org", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["s3:GetObject", "s3:PutObject"],
              "Resource": "arn:aws:s3:::bucket-{{i}}/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } },
            { "Sid": "Logs", "Effect": "Allow", "Principal": { "Service": "logging.s3.amazonaws.com" }, "Action": "s3:PutObject",
              "Resource": "arn:aws:s3:::bucket-{{i}}/logs/*", "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } } },
            { "Sid": "Tls", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::bucket-{{i}}", "arn:aws:s3:::bucket-{{i}}/*"],
              "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
          ]
        }
        """;

    private static string TrustPolicy(int i) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
              "Action": "sts:AssumeRoleWithWebIdentity",
              "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                                               "token.actions.githubusercontent.com:sub": "repo:org/app-{{i}}:ref:refs/heads/main" } } },
            { "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }
          ]
        }
        """;
}
