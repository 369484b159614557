using PolicyGate.Pipeline;
using PolicyGate.Tests.Cli;

namespace PolicyGate.Tests.Checks.CustomPolicyChecks;

/// <summary>scan --changed-since REF: each changed policy compared with its own version at REF (PG3004), new policies summarized (PG3005).</summary>
public class ChangedSinceComparisonTests
{
    private const string ReadOnly = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-data/*"}
          ]
        }
        """;

    private const string Template = """
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
                    Statement:
                      - Sid: Queue
                        Effect: Allow
                        Action: [sqs:SendMessage]
                        Resource: "*"
        """;

    [Fact]
    public void A_widened_policy_is_reported_at_the_statement_that_adds_access()
    {
        using var dir = Repository(("iam/app.json", ReadOnly));
        Change(dir, "iam/app.json", ReadOnly.Replace("""
            {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-data/*"}
            """, """
            {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-data/*"},
                {"Sid": "AllowWrite", "Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::prod-data/*"}
            """));

        var (code, stdout, stderr) = CliRunner.Run(dir.Root, "scan", "--changed-since", "main", "--fail-on", "warning");

        code.ShouldBe(ExitCodes.Findings, stderr);
        var line = stdout.Split('\n').Single(l => l.Contains("PG3004"));
        line.ShouldStartWith("iam/app.json:5:5: warning PG3004 ");
        line.ShouldContain("s3:DeleteObject on arn:aws:s3:::prod-data/*");
        line.ShouldContain("the version at main does not");
        line.ShouldContain("\"AllowWrite\"");
        stdout.ShouldNotContain("PG3005");
    }

    [Fact]
    public void A_narrowed_or_reformatted_policy_is_not_reported()
    {
        using var dir = Repository(("iam/app.json", ReadOnly));
        Change(dir, "iam/app.json", ReadOnly.Replace("\"s3:GetObject\"", "[\"s3:GetObject\"]").Replace("\n", "\n\n"));

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan", "--changed-since", "main");

        stdout.ShouldNotContain("PG3004");
        stdout.ShouldNotContain("PG3005");
    }

    [Fact]
    public void A_policy_in_a_new_file_is_summarized_as_new()
    {
        using var dir = Repository(("iam/app.json", ReadOnly));
        Change(dir, "iam/new.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"], "Resource": "*"}]}""");

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan", "--changed-since", "main");

        var line = stdout.Split('\n').Single(l => l.Contains("PG3005"));
        line.ShouldStartWith("iam/new.json:1:1: note PG3005 new since main (this file did not exist): allows sqs:SendMessage, sqs:ReceiveMessage on *");
        stdout.ShouldNotContain("PG3004");
    }

    [Fact]
    public void Template_policies_are_matched_by_logical_id_and_a_new_resource_is_new()
    {
        using var dir = Repository(("stack.yaml", Template));
        var changed = Template.Replace("Action: [sqs:SendMessage]", "Action: [sqs:SendMessage, sqs:PurgeQueue]") + "\n" + """
              AuditRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
            """;
        Change(dir, "stack.yaml", changed);

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan", "--changed-since", "main");

        var widened = stdout.Split('\n').Single(l => l.Contains("PG3004"));
        widened.ShouldStartWith("stack.yaml:14:17: warning PG3004 grants sqs:PurgeQueue");
        widened.ShouldContain("sqs:PurgeQueue");
        var added = stdout.Split('\n').Single(l => l.Contains("PG3005"));
        added.ShouldContain("this policy did not exist");
        added.ShouldContain("allows sts:AssumeRole to lambda.amazonaws.com");
    }

    [Fact]
    public void A_renamed_file_is_compared_with_its_previous_path()
    {
        // Git detects a rename by similarity, so the file is long enough for a one-line change to keep it.
        var padded = ReadOnly.Replace("\"Resource\": \"arn:aws:s3:::prod-data/*\"}", string.Concat(Enumerable.Range(0, 12).Select(i => $"\"Resource\": \"arn:aws:s3:::prod-data/*\"}},\n    {{\"Sid\": \"Logs{i}\", \"Effect\": \"Allow\", \"Action\": \"logs:PutLogEvents\", ")) + "\"Resource\": \"*\"}");
        using var dir = Repository(("iam/old-name.json", padded));
        dir.Git("checkout", "-q", "-b", "feature");
        dir.Git("mv", "iam/old-name.json", "iam/new-name.json");
        dir.Write("iam/new-name.json", padded.Replace("\"s3:GetObject\"", "[\"s3:GetObject\", \"s3:PutObject\"]"));
        dir.Git("commit", "-q", "-am", "rename and widen");

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan", "--changed-since", "main");

        stdout.Split('\n').Single(l => l.Contains("PG3004")).ShouldContain("s3:PutObject");
        stdout.ShouldNotContain("PG3005");
    }

    [Fact]
    public void A_base_version_that_did_not_parse_is_not_compared()
    {
        using var dir = Repository(("iam/app.json", """{"Version": "2012-10-17", "Statement": [ """));
        Change(dir, "iam/app.json", ReadOnly);

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan", "--changed-since", "main");

        stdout.ShouldNotContain("PG3004");
        stdout.ShouldNotContain("PG3005");
    }

    [Fact]
    public void Without_changed_since_there_is_no_comparison()
    {
        using var dir = Repository(("iam/app.json", ReadOnly));
        Change(dir, "iam/app.json", ReadOnly.Replace("\"s3:GetObject\"", "\"s3:*\""));

        var (_, stdout, _) = CliRunner.Run(dir.Root, "scan");

        stdout.ShouldNotContain("PG3004");
        stdout.ShouldNotContain("PG3005");
    }

    private static TestDirectory Repository(params (string Path, string Content)[] files)
    {
        var dir = new TestDirectory();
        dir.Git("init", "-q");
        foreach (var (path, content) in files)
        {
            dir.Write(path, content);
        }

        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "base");
        return dir;
    }

    private static void Change(TestDirectory dir, string path, string content)
    {
        dir.Git("checkout", "-q", "-b", "feature");
        dir.Write(path, content);
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "change");
    }
}
