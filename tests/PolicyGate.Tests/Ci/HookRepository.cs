namespace PolicyGate.Tests.Ci;

/// <summary>
/// A throwaway git repository holding this working tree as it is now (tracked and untracked, not ignored files),
/// committed once, as pre-commit and the action need a hook/action repository with a commit. The working tree
/// itself is never committed to.
/// </summary>
public sealed class HookRepository : IDisposable
{
    private readonly TestDirectory _dir = new();

    public HookRepository()
    {
        Root = _dir.Path_("hook");
        var listing = ShellRunner.Run(RepositoryPaths.Root, new Dictionary<string, string>(), "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        listing.ExitCode.ShouldBe(0, listing.Stderr);
        // Distinct: during a merge, git lists an unmerged file once per stage.
        foreach (var relative in listing.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            var source = Path.Combine(RepositoryPaths.Root, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree
            }

            var target = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "hook repository under test");
        Commit = Git("rev-parse", "HEAD").Trim();
    }

    public string Root { get; }

    public string Commit { get; }

    /// <summary>A scratch directory beside the repository, removed with it.</summary>
    public string Scratch(string name)
    {
        var path = _dir.Path_(name);
        Directory.CreateDirectory(path);
        return path;
    }

    public string Git(params string[] args)
    {
        var result = ShellRunner.Run(Root, GitIdentity, "git", ["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", .. args]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Stdout;
    }

    public static Dictionary<string, string> GitIdentity => new()
    {
        ["GIT_AUTHOR_NAME"] = "Test",
        ["GIT_AUTHOR_EMAIL"] = "test@example.com",
        ["GIT_COMMITTER_NAME"] = "Test",
        ["GIT_COMMITTER_EMAIL"] = "test@example.com",
    };

    public void Dispose() => _dir.Dispose();
}
