using PolicyGate.Pipeline;
using PolicyGate.Tests.Cli;

namespace PolicyGate.Tests.Checks.CustomPolicyChecks;

/// <summary>The checks section of policygate.yaml, run by scan: reference policies, forbidden actions, public access.</summary>
public class ConfiguredPolicyChecksTests
{
    private const string S3ReadReference = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}]}
        """;

    private const string WidePolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::app/*"},
            {"Sid": "Cleanup", "Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::app/*"}
          ]
        }
        """;

    [Fact]
    public void A_policy_granting_beyond_its_reference_is_reported_at_the_statement_with_a_request()
    {
        using var dir = new TestDirectory();
        dir.Write("refs/s3-read.json", S3ReadReference);
        dir.Write("policies/app.json", WidePolicy);
        dir.Write("policygate.yaml", """
            checks:
              no-new-access:
                - reference: refs/s3-read.json
                  policy-type: identity
                  files: ["policies/**"]
            """);

        var (code, stdout, stderr) = CliRunner.Run(dir.Root, "scan", "policies");

        code.ShouldBe(ExitCodes.Findings, stderr);
        var line = stdout.Split('\n').Single(l => l.Contains("PG3001"));
        line.ShouldStartWith("policies/app.json:5:5: error PG3001 ");
        line.ShouldContain("s3:DeleteObject");
        line.ShouldContain("arn:aws:s3:::app/*");
        line.ShouldContain("the reference \"refs/s3-read.json\" does not");
        line.ShouldContain("\"Cleanup\"");
    }

    [Fact]
    public void A_policy_within_its_reference_passes()
    {
        using var dir = new TestDirectory();
        dir.Write("refs/s3-read.json", S3ReadReference);
        dir.Write("app.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::app/*"}]}""");
        dir.Write("policygate.yaml", """
            checks:
              no-new-access:
                - reference: refs/s3-read.json
                  policy-type: identity
                  files: ["app.json"]
            """);

        var (code, stdout, _) = CliRunner.Run(dir.Root, "scan", "app.json");

        stdout.ShouldNotContain("PG3001");
        code.ShouldBe(ExitCodes.Success, stdout);
    }

    [Fact]
    public void A_reference_in_yaml_works_like_json()
    {
        using var dir = new TestDirectory();
        dir.Write("refs/s3-read.yaml", """
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [s3:GetObject]
                Resource: "*"
            """);
        dir.Write("app.json", WidePolicy);
        dir.Write("policygate.yaml", """
            checks:
              no-new-access:
                - reference: refs/s3-read.yaml
                  policy-type: IDENTITY_POLICY
                  name: s3 read only
                  files: ["app.json"]
            """);

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan", "app.json");

        stdout.Split('\n').Count(l => l.Contains("PG3001")).ShouldBe(1);
        stdout.ShouldContain("the reference \"s3 read only\" does not");
    }

    [Fact]
    public void Forbidden_actions_are_reported_through_wildcards_and_only_in_scope()
    {
        using var dir = new TestDirectory();
        dir.Write("infra/admin.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""");
        dir.Write("other/admin.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""");
        dir.Write("infra/reader.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:Get*", "Resource": "*"}]}""");
        dir.Write("policygate.yaml", """
            checks:
              access-not-granted:
                - name: no role passing
                  actions: [iam:PassRole, iam:CreatePolicyVersion]
                  files: ["infra/**"]
            """);

        var (code, stdout, _) = CliRunner.Run(dir.Root, "scan");

        code.ShouldBe(ExitCodes.Findings);
        var findings = stdout.Split('\n').Where(l => l.Contains("PG3002")).ToList();
        findings.Count.ShouldBe(1, stdout);
        findings[0].ShouldStartWith("infra/admin.json:1:");
        findings[0].ShouldMatch(@"iam:(PassRole|CreatePolicyVersion)");
        findings[0].ShouldContain("[forbidden by \"no role passing\"]");
    }

    [Fact]
    public void Checks_scoped_by_logical_id_and_resource_type_apply_only_to_those_template_policies()
    {
        using var dir = new TestDirectory();
        dir.Write("stack.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              AppRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  Policies:
                    - PolicyName: app
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement: [{Effect: Allow, Action: "sqs:*", Resource: "*"}]
              BuildRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement: [{Effect: Allow, Principal: {Service: codebuild.amazonaws.com}, Action: sts:AssumeRole}]
                  Policies:
                    - PolicyName: build
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement: [{Effect: Allow, Action: "sqs:*", Resource: "*"}]
            """);
        dir.Write("policygate.yaml", """
            checks:
              access-not-granted:
                - actions: [sqs:DeleteQueue]
                  logical-ids: ["App*"]
                  resource-types: [AWS::IAM::Role]
                  policy-type: identity
            """);

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan");

        var findings = stdout.Split('\n').Where(l => l.Contains("PG3002")).ToList();
        findings.Count.ShouldBe(1, stdout);
        findings[0].ShouldStartWith("stack.yaml:13:");
        findings[0].ShouldContain("sqs:DeleteQueue");
    }

    [Fact]
    public void Public_resource_policies_are_reported_by_default_and_restricting_conditions_clear_them()
    {
        using var dir = new TestDirectory();
        dir.Write("stack.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              OpenPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: reports
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: "*"
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::reports/*
              OrgPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: shared
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: "*"
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::shared/*
                        Condition: {StringEquals: {aws:PrincipalOrgID: o-a1b2c3d4e5}}
            """);

        var (code, stdout, _) = CliRunner.Run(dir.Root, "scan");

        code.ShouldBe(ExitCodes.Findings);
        var findings = stdout.Split('\n').Where(l => l.Contains("PG3003")).ToList();
        findings.Count.ShouldBe(1, stdout);
        findings[0].ShouldStartWith("stack.yaml:10:");
        findings[0].ShouldContain("s3:GetObject");
    }

    [Theory]
    [InlineData("- guardrail: trust-allow-listed")]
    [InlineData("- reference: trust-reference.json\n      policy-type: trust")]
    public void A_trust_reference_applies_to_role_trust_policies_only(string entry)
    {
        using var dir = new TestDirectory();
        dir.Write("trust-reference.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""");
        dir.Write("stack.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement: [{Effect: Allow, Principal: {AWS: "arn:aws:iam::444455556666:root"}, Action: sts:AssumeRole}]
              TopicPolicy:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  Topics: [arn:aws:sns:us-east-1:111122223333:alerts]
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement: [{Effect: Allow, Principal: {Service: events.amazonaws.com}, Action: sns:Publish, Resource: "*"}]
            """);
        dir.Write("policygate.yaml", $"checks:\n  no-new-access:\n    {entry}\n");

        var (_, stdout, stderr) = CliRunner.Run(dir.Root, "scan", "stack.yaml");

        var findings = stdout.Split('\n').Where(l => l.Contains("PG3001")).ToList();
        findings.Count.ShouldBe(1, stdout + stderr);
        findings[0].ShouldStartWith("stack.yaml:8:");
        findings[0].ShouldContain("444455556666");
    }

    [Fact]
    public void A_teams_own_guardrail_file_is_used_by_path_and_read_strictly()
    {
        using var dir = new TestDirectory();
        dir.Write("app.json", WidePolicy);
        dir.Write("guardrails/no-data-deletion.json", """
            {"name": "no-data-deletion", "check": "access-not-granted", "policyType": "identity",
             "summary": "Deleting objects.", "appliesTo": "Application roles.", "actions": ["s3:DeleteObject"]}
            """);
        dir.Write("policygate.yaml", "checks:\n  access-not-granted:\n    - guardrail: guardrails/no-data-deletion.json\n");

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan", "app.json");
        stdout.Split('\n').Single(l => l.Contains("PG3002")).ShouldContain("[forbidden by \"no-data-deletion\"]");

        dir.Write("guardrails/no-data-deletion.json", """{"name": "no-data-deletion", "check": "access-not-granted", "policyTyp": "identity"}""");
        var (code, _, stderr) = CliRunner.Run(dir.Root, "scan", "app.json");
        code.ShouldBe(ExitCodes.UsageError);
        stderr.ShouldContain("policygate.yaml:3:18");
        stderr.ShouldContain("guardrails/no-data-deletion.json");
    }

    [Theory]
    [InlineData("!Sub arn:${AWS::Partition}:iam::${TrustedAccount}:root", false)]
    [InlineData("!Ref TrustedAccount", true)]
    public void A_principal_arn_with_an_unknown_account_is_not_public_but_a_wholly_unknown_principal_may_be(string principal, bool isPublic)
    {
        using var dir = new TestDirectory();
        dir.Write("stack.yaml", $$"""
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              TrustedAccount: {Type: String}
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: {{principal}}}
                        Action: sts:AssumeRole
            """);

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan", "stack.yaml");

        stdout.Contains("PG3003").ShouldBe(isPublic, stdout);
    }

    [Fact]
    public void Public_access_checks_can_be_turned_off()
    {
        using var dir = new TestDirectory();
        dir.Write("bucket-policy.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""");

        CliRunner.Run(dir.Root, "scan").Stdout.ShouldContain("bucket-policy.json:1:41: error PG3003");

        dir.Write("policygate.yaml", "checks:\n  no-public-access: false\n");
        CliRunner.Run(dir.Root, "scan").Stdout.ShouldNotContain("PG3003");
    }

    [Fact]
    public void A_public_trust_policy_is_reported()
    {
        using var dir = new TestDirectory();
        dir.Write("trust.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}""");

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan");

        stdout.ShouldContain("PG3003");
        stdout.ShouldContain("sts:AssumeRole");
    }

    [Theory]
    [InlineData("checks:\n  no-new-access:\n    - reference: missing.json\n      policy-type: identity\n", "policygate.yaml:3:18", "does not exist")]
    [InlineData("checks:\n  no-new-access:\n    - reference: ref.json\n", "policygate.yaml:3:7", "needs \"policy-type\"")]
    [InlineData("checks:\n  no-new-access:\n    - policy-type: identity\n", "policygate.yaml:3:7", "needs \"guardrail\"")]
    [InlineData("checks:\n  access-not-granted:\n    - files: [x]\n", "policygate.yaml:3:7", "needs \"guardrail\", or \"actions\"")]
    [InlineData("checks:\n  access-not-granted:\n    - guardrail: no-such-guardrail\n", "policygate.yaml:3:18", "unknown guard-rail \"no-such-guardrail\"")]
    [InlineData("checks:\n  no-new-access:\n    - reference: broken.json\n      policy-type: identity\n", "policygate.yaml:3:18", "cannot be read")]
    [InlineData("checks:\n  no-new-access:\n    - reference: list.json\n      policy-type: identity\n", "policygate.yaml:3:18", "one policy document")]
    [InlineData("checks:\n  no-public-access: maybe\n", "policygate.yaml:2:", "")]
    [InlineData("checks:\n  no-new-access:\n    - reference: ref.json\n      policy-type: scp\n", "policygate.yaml:4:", "")]
    [InlineData("checks:\n  reference: ref.json\n", "policygate.yaml:2:", "")]
    public void Configuration_mistakes_are_located_usage_errors(string config, string location, string message)
    {
        using var dir = new TestDirectory();
        dir.Write("ref.json", S3ReadReference);
        dir.Write("broken.json", """{"Version": "2012-10-17", "Statement": [""");
        dir.Write("list.json", "[1, 2]");
        dir.Write("app.json", WidePolicy);
        dir.Write("policygate.yaml", config);

        var (code, _, stderr) = CliRunner.Run(dir.Root, "scan", "app.json");

        code.ShouldBe(ExitCodes.UsageError);
        stderr.ShouldContain(location);
        stderr.ShouldContain(message);
    }

    [Fact]
    public void Reports_are_byte_identical_across_runs()
    {
        using var dir = new TestDirectory();
        dir.Write("refs/s3-read.json", S3ReadReference);
        dir.Write("app.json", WidePolicy);
        dir.Write("bucket.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}""");
        dir.Write("policygate.yaml", """
            checks:
              no-new-access: [{reference: refs/s3-read.json, policy-type: identity, files: [app.json]}]
              access-not-granted: [{actions: ["s3:Delete*"]}]
            """);

        var first = CliRunner.Run(dir.Root, "scan", "--format", "sarif");
        var second = CliRunner.Run(dir.Root, "scan", "--format", "sarif");

        first.Stdout.ShouldContain("PG3001");
        first.Stdout.ShouldContain("PG3002");
        first.Stdout.ShouldContain("PG3003");
        second.StdoutBytes.ShouldBe(first.StdoutBytes);
    }
}
