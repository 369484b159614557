using System.Collections.Concurrent;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Config;
using PolicyGate.Pipeline;

namespace PolicyGate.Tests.Checks.CustomPolicyChecks;

/// <summary>How scan uses the engine it is given: fail closed when it cannot answer, local for policies with unknown values.</summary>
public class EngineInScanTests
{
    private const string PublicBucketPolicy = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""";

    [Fact]
    public void An_engine_that_cannot_answer_gives_a_tool_error_and_exit_code_3_never_a_pass()
    {
        using var dir = new TestDirectory();
        dir.Write("bucket.json", PublicBucketPolicy);
        var engine = new ScriptedEngine(_ => throw new PolicyCheckUnavailableException("Access Analyzer answered 503 after 4 attempts"));

        var report = Scan(dir, engine);

        var finding = report.Findings.Single(f => f.Rule.Id == "PG9100");
        finding.Message.ShouldContain("CheckNoPublicAccess (AWS::S3::Bucket) could not be run with the aws engine");
        finding.Message.ShouldContain("503 after 4 attempts");
        finding.Location.Path.ShouldBe("bucket.json");
        report.Findings.ShouldNotContain(f => f.Rule.Id == "PG3003");
        ExitCodes.ForScan(report, "never").ShouldBe(ExitCodes.ToolFailure);
        report.Summary.Engine.ShouldBe("aws");
    }

    [Fact]
    public void The_chosen_engine_answers_for_fully_known_policies_in_its_own_words()
    {
        using var dir = new TestDirectory();
        dir.Write("bucket.json", PublicBucketPolicy);
        var engine = new ScriptedEngine(_ => new PolicyCheckResult(CheckVerdict.Fail, "The resource policy grants public access.", [new CheckReason("Public access granted in the following statement with index: 0.", 0, null)], "aws"));

        var report = Scan(dir, engine);

        engine.Seen.Count.ShouldBe(1);
        var finding = report.Findings.Single(f => f.Rule.Id == "PG3003");
        finding.Message.ShouldBe("Public access granted in the following statement with index: 0 (statement 0; Access Analyzer gives no counterexample)");
        finding.Location.Span.StartLine.ShouldBe(1);
        finding.Location.Span.StartColumn.ShouldBe(41);
    }

    [Fact]
    public void A_pass_from_the_engine_gives_no_finding()
    {
        using var dir = new TestDirectory();
        dir.Write("bucket.json", PublicBucketPolicy);
        var engine = new ScriptedEngine(_ => new PolicyCheckResult(CheckVerdict.Pass, "ok", [], "aws"));

        Scan(dir, engine).Findings.ShouldNotContain(f => f.Rule.Id.StartsWith("PG3"));
    }

    [Fact]
    public void A_template_policy_with_values_unknown_offline_is_checked_by_the_local_engine()
    {
        using var dir = new TestDirectory();
        dir.Write("stack.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              BucketName: {Type: String}
            Resources:
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref BucketName
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: "*"
                        Action: s3:GetObject
                        Resource: !Sub arn:aws:s3:::${BucketName}/*
            """);
        var engine = new ScriptedEngine(_ => throw new InvalidOperationException("the AWS engine must not see unknown values"));

        var report = Scan(dir, engine);

        engine.Seen.ShouldBeEmpty();
        report.Findings.Single(f => f.Rule.Id == "PG3003").Message.ShouldContain("s3:GetObject");
    }

    private static ScanReport Scan(TestDirectory dir, IPolicyCheckEngine engine) =>
        ScanPipeline.Default.Run(new ScanRequest { Paths = [], WorkingDirectory = dir.Root, Config = PolicyGateConfig.Default, Engine = engine }).Report!;

    /// <summary>An engine named "aws" that answers every check with the script and records what it was asked.</summary>
    private sealed class ScriptedEngine(Func<object, PolicyCheckResult> answer) : IPolicyCheckEngine
    {
        public ConcurrentBag<object> Seen { get; } = [];

        public string Name => "aws";

        public Task<PolicyCheckResult> CheckNoNewAccessAsync(CheckNoNewAccessRequest request, CancellationToken cancellationToken) => Answer(request);

        public Task<PolicyCheckResult> CheckAccessNotGrantedAsync(CheckAccessNotGrantedRequest request, CancellationToken cancellationToken) => Answer(request);

        public Task<PolicyCheckResult> CheckNoPublicAccessAsync(CheckNoPublicAccessRequest request, CancellationToken cancellationToken) => Answer(request);

        public Task<ValidatePolicyResult> ValidatePolicyAsync(ValidatePolicyRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        private Task<PolicyCheckResult> Answer(object request)
        {
            Seen.Add(request);
            return Task.FromResult(answer(request));
        }
    }
}
