namespace PolicyGate.Discovery;

/// <summary>How a file differs between the base commit and the work tree.</summary>
public enum ChangeKind
{
    Added,
    Modified,
    Renamed,
    Copied,
    Deleted,

    /// <summary>The file became or stopped being a symlink (or a submodule).</summary>
    TypeChanged,
}

/// <summary>
/// One changed file. <see cref="Path"/> is repository-relative with forward slashes (for a deleted file, the
/// path it had); <see cref="PreviousPath"/> is the path at the base for renames and copies.
/// </summary>
public sealed record ChangedFile(string Path, ChangeKind Kind, string? PreviousPath = null);

/// <summary>A file as it was at the base commit: its path there and its bytes, or neither when it did not exist.</summary>
public sealed record BaseVersion(string? PathAtBase, byte[]? Content)
{
    public static BaseVersion Absent { get; } = new(null, null);

    public bool Existed => Content is not null;
}

/// <summary>
/// The files changed since a git ref, with the semantics of a pull request's diff: the base is the merge base
/// of the ref and HEAD, and the comparison is with the work tree (so uncommitted and untracked, not ignored
/// files count as changed too). It also reads any file's content at the base (<see cref="ReadAtBase"/>),
/// following renames, so later stages can compare a policy with its previous version.
/// </summary>
public sealed class GitChanges
{
    private readonly Dictionary<string, ChangedFile> _byPath;

    private GitChanges(string root, string reference, string baseCommit, IReadOnlyList<ChangedFile> files)
    {
        RepositoryRoot = root;
        Reference = reference;
        BaseCommit = baseCommit;
        Files = files;
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>The work tree's root directory.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The ref as given (a branch, tag or commit).</summary>
    public string Reference { get; }

    /// <summary>The merge base of the ref and HEAD: the commit the changes are relative to.</summary>
    public string BaseCommit { get; }

    /// <summary>Every changed file, deleted ones included, sorted by path.</summary>
    public IReadOnlyList<ChangedFile> Files { get; }

    /// <summary>Resolves the ref and lists the changes; a ref git cannot resolve is a <see cref="GitReferenceException"/>.</summary>
    public static GitChanges Since(string workingDirectory, string reference)
    {
        var root = Discovery.RepositoryRoot.Find(workingDirectory)
            ?? throw new GitReferenceException($"--changed-since {reference}: {workingDirectory} is not inside a git work tree");
        if (reference.Length == 0 || reference.StartsWith('-') || reference.Contains('\0'))
        {
            throw new GitReferenceException($"--changed-since \"{reference}\" is not a git ref");
        }

        var resolved = Git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}");
        if (!resolved.Succeeded)
        {
            throw new GitReferenceException(MissingRefMessage(root, reference));
        }

        var commit = resolved.OutputText.Trim();
        var mergeBase = Git(root, "merge-base", commit, "HEAD");
        if (!mergeBase.Succeeded)
        {
            throw new GitReferenceException(IsShallow(root)
                ? $"--changed-since {reference}: no common ancestor of {reference} and HEAD in this shallow clone; fetch the full history (actions/checkout with fetch-depth: 0) or enough of it (git fetch --deepen=100 origin)"
                : $"--changed-since {reference}: {reference} and HEAD share no history");
        }

        var baseCommit = mergeBase.OutputText.Trim();
        var diff = Git(root, "diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-textconv", baseCommit, "--");
        if (!diff.Succeeded)
        {
            throw new GitReferenceException($"--changed-since {reference}: git diff failed: {diff.Error.Trim()}");
        }

        var files = ParseNameStatus(GitProcess.SplitNul(diff.Output));
        var untracked = Git(root, "ls-files", "-z", "--others", "--exclude-standard");
        if (untracked.Succeeded)
        {
            foreach (var path in GitProcess.SplitNul(untracked.Output))
            {
                files.TryAdd(path, new ChangedFile(path, ChangeKind.Added));
            }
        }

        return new GitChanges(root, reference, baseCommit, files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
    }

    /// <summary>The change of a repository-relative path, or null when the file is unchanged (or unknown).</summary>
    public ChangedFile? ChangeOf(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Whether the file at this absolute path exists now and differs from the base.</summary>
    public bool IsChanged(string fullPath) =>
        _byPath.TryGetValue(Discovery.RepositoryRoot.ReportPath(RepositoryRoot, fullPath), out var change) && change.Kind != ChangeKind.Deleted;

    /// <summary>
    /// The content at the base of the file now at <paramref name="path"/> (repository-relative): for a renamed
    /// or copied file its previous path is read, for an added file <see cref="BaseVersion.Absent"/>, for a
    /// deleted file (give its old path) the content it had.
    /// </summary>
    public BaseVersion ReadAtBase(string path)
    {
        var change = ChangeOf(path);
        var pathAtBase = change switch
        {
            { Kind: ChangeKind.Added } => null,
            { Kind: ChangeKind.Renamed or ChangeKind.Copied } => change.PreviousPath,
            _ => path,
        };
        if (pathAtBase is null)
        {
            return BaseVersion.Absent;
        }

        var blob = Git(RepositoryRoot, "cat-file", "blob", $"{BaseCommit}:{pathAtBase}");
        return blob.Succeeded ? new BaseVersion(pathAtBase, blob.Output) : BaseVersion.Absent;
    }

    private static Dictionary<string, ChangedFile> ParseNameStatus(List<string> fields)
    {
        var files = new Dictionary<string, ChangedFile>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var status = fields[i];
            switch (status[0])
            {
                case 'R' or 'C' when i + 2 < fields.Count:
                    var kind = status[0] == 'R' ? ChangeKind.Renamed : ChangeKind.Copied;
                    files[fields[i + 2]] = new ChangedFile(fields[i + 2], kind, fields[i + 1]);
                    i += 2;
                    break;
                case var c when i + 1 < fields.Count:
                    files[fields[i + 1]] = new ChangedFile(fields[i + 1], c switch
                    {
                        'A' => ChangeKind.Added,
                        'D' => ChangeKind.Deleted,
                        'T' => ChangeKind.TypeChanged,
                        _ => ChangeKind.Modified,
                    });
                    i += 1;
                    break;
            }
        }

        return files;
    }

    private static string MissingRefMessage(string root, string reference)
    {
        var shallow = IsShallow(root);
        var hint = shallow
            ? "this is a shallow clone: check out with fetch-depth: 0 (actions/checkout), or fetch the base first (git fetch --depth=1 origin <base>)"
            : "fetch it first (git fetch origin <branch or commit>), or check the spelling";
        return $"--changed-since {reference}: git does not know {reference} in this clone; {hint}";
    }

    private static bool IsShallow(string root) =>
        Git(root, "rev-parse", "--is-shallow-repository").OutputText.Trim() == "true";

    private static GitResult Git(string root, params string[] args) =>
        GitProcess.Run(root, args) ?? throw new GitReferenceException("--changed-since needs git, and git could not be started");
}

/// <summary>The ref given to --changed-since cannot be used (exit code 2, with what to do about it).</summary>
public sealed class GitReferenceException(string message) : Exception(message);
