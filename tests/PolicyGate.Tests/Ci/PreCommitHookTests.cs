using static PolicyGate.Tests.Ci.ShellRunner;

namespace PolicyGate.Tests.Ci;

/// <summary>
/// The real pre-commit (Debian package pre-commit; .ci/run installs it) against a temporary git repository that
/// uses this repository as its hook repository: pre-commit packs it with its dotnet language, installs the tool
/// and runs it on the staged files. Also the action's install step, which packs and installs the same way.
/// </summary>
public sealed class PreCommitHookTests(HookRepository hook) : IClassFixture<HookRepository>
{
    private const string BadPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "ReadReports",
              "Effect": "allow",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::reports/*"
            }
          ]
        }
        """;

    private static string PreCommit()
    {
        var found = Run(Path.GetTempPath(), new Dictionary<string, string>(), "sh", "-c", "command -v pre-commit");
        found.ExitCode.ShouldBe(0, "pre-commit is not installed: install the Debian package pre-commit (apt-get install -y pre-commit); .ci/run installs it when missing");
        return found.Stdout.Trim();
    }

    [RequiresToolFact("pre-commit")]
    public void A_commit_with_a_bad_policy_is_rejected_with_the_located_message_and_a_good_one_passes()
    {
        var preCommit = PreCommit();
        var project = hook.Scratch("project");
        var environment = new Dictionary<string, string>(HookRepository.GitIdentity) { ["PRE_COMMIT_HOME"] = hook.Scratch("pre-commit-home") };
        Dictionary<string, string> Env() => new(environment);
        string Git(params string[] args)
        {
            var result = Run(project, Env(), "git", ["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", .. args]);
            result.ExitCode.ShouldBe(0, result.ToString());
            return result.Stdout;
        }

        Git("init", "-q");
        File.WriteAllText(Path.Combine(project, ".pre-commit-config.yaml"), $"repos:\n  - repo: {hook.Root}\n    rev: {hook.Commit}\n    hooks:\n      - id: policygate\n");
        Directory.CreateDirectory(Path.Combine(project, "iam"));
        File.WriteAllText(Path.Combine(project, "README.md"), "infrastructure\n");
        var install = Run(project, Env(), preCommit, "install");
        install.ExitCode.ShouldBe(0, install.ToString());
        Git("add", "README.md", ".pre-commit-config.yaml");
        Git("commit", "-q", "-m", "start");

        File.WriteAllText(Path.Combine(project, "iam", "reports.json"), BadPolicy);
        Git("add", "iam/reports.json");
        var rejected = Run(project, Env(), "git", "-c", "commit.gpgsign=false", "commit", "-m", "add the reports policy");
        var output = rejected.Stdout + rejected.Stderr;
        rejected.ExitCode.ShouldNotBe(0, output);
        output.ShouldContain("PolicyGate");
        output.ShouldContain("Failed");
        output.ShouldContain("iam/reports.json:6:17: error PG2002 Effect \"allow\" must be written \"Allow\" (values are case-sensitive)");
        output.ShouldContain("1 file scanned (1 IAM policy); 1 finding: 1 error");
        Git("rev-list", "--count", "HEAD").Trim().ShouldBe("1", "the bad commit was not made");

        File.WriteAllText(Path.Combine(project, "iam", "reports.json"), BadPolicy.Replace("\"allow\"", "\"Allow\""));
        Git("add", "iam/reports.json");
        var accepted = Run(project, Env(), "git", "-c", "commit.gpgsign=false", "commit", "-m", "add the reports policy");
        accepted.ExitCode.ShouldBe(0, accepted.ToString());
        (accepted.Stdout + accepted.Stderr).ShouldMatch(@"PolicyGate\.+Passed");
        Git("rev-list", "--count", "HEAD").Trim().ShouldBe("2");

        // A commit touching only an included policy also re-checks the template that includes it.
        File.WriteAllText(Path.Combine(project, "stack.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyName: reports\n          PolicyDocument:\n            Fn::Transform:\n              Name: AWS::Include\n              Parameters:\n                Location: iam/reports.json\n");
        Git("add", "stack.yaml");
        Git("commit", "-q", "-m", "stack");
        File.WriteAllText(Path.Combine(project, "iam", "reports.json"), BadPolicy.Replace("\"allow\"", "\"Allow\"").Replace("reports/*", "reports/2026/*"));
        Git("add", "iam/reports.json");
        var run = Run(project, Env(), preCommit, "run", "--verbose");
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("2 files scanned");
    }

    [Fact]
    public void The_actions_install_step_packs_and_installs_the_tool_on_the_path()
    {
        var runner = hook.Scratch("runner");
        var githubPath = Path.Combine(runner, "github_path");
        File.WriteAllText(githubPath, string.Empty);
        var toolDir = Path.Combine(runner, "tool");
        var install = Run(runner, new Dictionary<string, string>
        {
            ["GITHUB_ACTION_PATH"] = hook.Root,
            ["GITHUB_PATH"] = githubPath,
            ["RUNNER_TEMP"] = runner,
            ["PG_TOOL_DIR"] = toolDir,
        }, "bash", Path.Combine(hook.Root, "action", "install.sh"));
        install.ExitCode.ShouldBe(0, install.ToString());
        install.Stdout.ShouldContain("::group::Pack PolicyGate from");
        install.Stdout.ShouldContain($"policygate {PolicyGate.Pipeline.ToolInfo.Current.Version}");
        File.ReadAllText(githubPath).Trim().ShouldBe(toolDir);
        var version = Run(runner, new Dictionary<string, string>(), Path.Combine(toolDir, "policygate"), "--version");
        version.ExitCode.ShouldBe(0);
    }
}
