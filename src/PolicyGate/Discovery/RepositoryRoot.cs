namespace PolicyGate.Discovery;

/// <summary>Finds the git work tree a directory belongs to, by looking for <c>.git</c> upwards (no process spawned).</summary>
public static class RepositoryRoot
{
    public static string? Find(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var marker = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The directory report paths are relative to: the repository root, else the working directory.</summary>
    public static string ReportBase(string workingDirectory) => Find(workingDirectory) ?? Path.GetFullPath(workingDirectory);

    /// <summary>A report path: relative to the base, forward slashes.</summary>
    public static string ReportPath(string baseDirectory, string fullPath) =>
        Path.GetRelativePath(baseDirectory, fullPath).Replace('\\', '/');
}
