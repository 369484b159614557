namespace PolicyGate.Discovery;

/// <summary>Asks git which files of a directory are tracked or untracked-but-not-ignored.</summary>
public static class GitFileLister
{
    /// <summary>Relative paths (to <paramref name="directory"/>) or null when git cannot answer.</summary>
    public static IReadOnlyList<string>? List(string directory)
    {
        var result = GitProcess.Run(directory, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".");
        return result is { Succeeded: true } ? GitProcess.SplitNul(result.Output).Distinct(StringComparer.Ordinal).ToList() : null;
    }
}
