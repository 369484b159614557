using System.Text;
using PolicyGate.Discovery;
using PolicyGate.Pipeline;
using PolicyGate.Tests.Cli;

namespace PolicyGate.Tests.Discovery;

public class GitChangesTests
{
    private const string Good = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""";
    private const string Bad = """{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}""";

    /// <summary>A repository with a main branch and a feature branch that renames, edits, deletes and adds files.</summary>
    private static TestDirectory FeatureBranch()
    {
        var dir = new TestDirectory();
        dir.Git("init", "-q");
        dir.Write("iam/kept.json", Good);
        dir.Write("iam/edited.json", Good);
        dir.Write("iam/old-name.json", Good.Replace("s3:GetObject", "s3:ListBucket"));
        dir.Write("iam/removed.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "base");
        dir.Git("checkout", "-q", "-b", "feature");
        dir.Write("iam/edited.json", Bad);
        dir.Git("mv", "iam/old-name.json", "iam/new-name.json");
        dir.Git("rm", "-q", "iam/removed.json");
        // Different enough from removed.json that git does not take the pair for a rename.
        dir.Write("iam/added.yaml", "Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Action: [ec2:DescribeInstances, ec2:DescribeVolumes]\n    Resource: '*'\n");
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "feature");
        return dir;
    }

    [Fact]
    public void Lists_added_modified_renamed_and_deleted_files_against_the_merge_base()
    {
        using var dir = FeatureBranch();
        // main moves on after the branch point: its changes are not the feature's.
        dir.Git("checkout", "-q", "main");
        dir.Write("iam/main-only.json", Good);
        dir.Write("iam/kept.json", Bad);
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "main moves on");
        dir.Git("checkout", "-q", "feature");

        var changes = GitChanges.Since(dir.Root, "main");
        changes.Files.ShouldBe(
        [
            new ChangedFile("iam/added.yaml", ChangeKind.Added),
            new ChangedFile("iam/edited.json", ChangeKind.Modified),
            new ChangedFile("iam/new-name.json", ChangeKind.Renamed, "iam/old-name.json"),
            new ChangedFile("iam/removed.json", ChangeKind.Deleted),
        ]);
        changes.BaseCommit.ShouldBe(dir.Git("rev-parse", "main~1").Trim());
        changes.Reference.ShouldBe("main");
    }

    [Fact]
    public void Uncommitted_and_untracked_files_count_as_changed_but_ignored_ones_do_not()
    {
        using var dir = FeatureBranch();
        dir.Write("iam/kept.json", Bad);
        dir.Write("scratch.json", Good);
        dir.Write(".gitignore", "ignored.json\n");
        dir.Write("ignored.json", Good);
        var paths = GitChanges.Since(dir.Root, "main").Files.Select(f => f.Path).ToList();
        paths.ShouldContain("iam/kept.json");
        paths.ShouldContain("scratch.json");
        paths.ShouldContain(".gitignore");
        paths.ShouldNotContain("ignored.json");
    }

    [Fact]
    public void Reads_content_at_the_base_following_renames_and_knowing_added_and_deleted_files()
    {
        using var dir = FeatureBranch();
        var changes = GitChanges.Since(dir.Root, "main");

        var edited = changes.ReadAtBase("iam/edited.json");
        edited.PathAtBase.ShouldBe("iam/edited.json");
        Encoding.UTF8.GetString(edited.Content!).ShouldBe(Good);

        var renamed = changes.ReadAtBase("iam/new-name.json");
        renamed.PathAtBase.ShouldBe("iam/old-name.json");
        Encoding.UTF8.GetString(renamed.Content!).ShouldContain("s3:ListBucket");

        changes.ReadAtBase("iam/added.yaml").ShouldBe(BaseVersion.Absent);
        changes.ReadAtBase("iam/added.yaml").Existed.ShouldBeFalse();
        Encoding.UTF8.GetString(changes.ReadAtBase("iam/removed.json").Content!).ShouldBe("{\"Version\": \"2012-10-17\", \"Statement\": []}");
        Encoding.UTF8.GetString(changes.ReadAtBase("iam/kept.json").Content!).ShouldBe(Good, "an unchanged file reads as itself");
        changes.ReadAtBase("never/existed.json").Existed.ShouldBeFalse();
    }

    [Fact]
    public void Works_from_a_subdirectory_and_with_a_commit_id()
    {
        using var dir = FeatureBranch();
        var sha = dir.Git("rev-parse", "main").Trim();
        var changes = GitChanges.Since(Path.Combine(dir.Root, "iam"), sha);
        changes.RepositoryRoot.ShouldBe(dir.Root);
        changes.Files.Count.ShouldBe(4);
        changes.IsChanged(Path.Combine(dir.Root, "iam", "edited.json")).ShouldBeTrue();
        changes.IsChanged(Path.Combine(dir.Root, "iam", "kept.json")).ShouldBeFalse();
        changes.IsChanged(Path.Combine(dir.Root, "iam", "removed.json")).ShouldBeFalse("deleted files are not scanned");
    }

    [Theory]
    [InlineData("no-such-branch", "git does not know no-such-branch in this clone; fetch it first")]
    [InlineData("--output=/etc/passwd", "is not a git ref")]
    [InlineData("", "is not a git ref")]
    public void A_ref_git_cannot_resolve_is_a_clear_error(string reference, string message)
    {
        using var dir = FeatureBranch();
        Should.Throw<GitReferenceException>(() => GitChanges.Since(dir.Root, reference)).Message.ShouldContain(message);
    }

    [Fact]
    public void Outside_a_work_tree_the_error_says_so()
    {
        using var dir = new TestDirectory();
        Should.Throw<GitReferenceException>(() => GitChanges.Since(dir.Root, "main")).Message.ShouldContain("is not inside a git work tree");
    }

    [Fact]
    public void A_shallow_clone_without_the_base_says_to_fetch_the_full_history()
    {
        using var origin = FeatureBranch();
        using var clone = new TestDirectory();
        clone.Git("clone", "-q", "--depth=1", "--branch", "feature", "--no-local", origin.Root, "work");
        var work = Path.Combine(clone.Root, "work");
        var mainSha = origin.Git("rev-parse", "main").Trim();

        var missing = Should.Throw<GitReferenceException>(() => GitChanges.Since(work, mainSha));
        missing.Message.ShouldContain("shallow clone");
        missing.Message.ShouldContain("fetch-depth: 0");

        // The base commit fetched alone is known, but the shallow history does not reach a common ancestor.
        RunGit(work, "fetch", "-q", "--depth=1", "origin", "main");
        var noAncestor = Should.Throw<GitReferenceException>(() => GitChanges.Since(work, "FETCH_HEAD"));
        noAncestor.Message.ShouldContain("no common ancestor");
        noAncestor.Message.ShouldContain("fetch-depth: 0");
    }

    [Fact]
    public void Scan_changed_since_scans_only_the_changed_files()
    {
        using var dir = FeatureBranch();
        dir.Write("iam/kept.json", Bad.Replace("s3:GetObject", "s3:PutObject"));
        dir.Git("stash", "-q");
        var result = CliRunner.Run(dir.Root, "scan", "--changed-since", "main");
        result.ExitCode.ShouldBe(ExitCodes.Findings, result.Stderr);
        result.Stdout.ShouldContain("iam/edited.json:1:");
        result.Stdout.ShouldContain("3 files scanned (3 IAM policies)");
        result.Stdout.ShouldNotContain("kept.json");
    }

    [Fact]
    public void Scan_changed_since_an_unknown_ref_exits_2_with_the_reason()
    {
        using var dir = FeatureBranch();
        var result = CliRunner.Run(dir.Root, "scan", "--changed-since", "origin/main");
        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("policygate: --changed-since origin/main: git does not know origin/main in this clone");
    }

    private static void RunGit(string directory, params string[] args)
    {
        var result = GitProcess.Run(directory, args);
        result.ShouldNotBeNull();
        result.ExitCode.ShouldBe(0, result.Error);
    }
}
