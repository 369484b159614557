namespace PolicyGate.Discovery;

/// <summary>
/// Walks the given paths and returns the candidate files in a deterministic order. Inside a git work tree
/// git decides what is ignored; elsewhere the tree's .gitignore files are read. Build output, dependency
/// folders and CDK assets are skipped by default; directory symlinks are not followed (no loops).
/// </summary>
public static class FileDiscovery
{
    /// <summary>Extensions scanned when walking directories; files named explicitly are always scanned.</summary>
    public static readonly IReadOnlySet<string> CandidateExtensions =
        new HashSet<string>([".json", ".yaml", ".yml", ".template"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> SkippedDirectoryNames = new(["node_modules", "bin", "obj", ".git"], StringComparer.Ordinal);

    public static DiscoveryResult Discover(DiscoveryRequest request)
    {
        var baseDirectory = RepositoryRoot.ReportBase(request.WorkingDirectory);
        var found = new Dictionary<string, DiscoveredFile>(StringComparer.Ordinal);
        var missing = new List<string>();
        var paths = request.Paths.Count == 0 ? ["."] : request.Paths;
        foreach (var given in paths)
        {
            var full = Path.GetFullPath(given, request.WorkingDirectory);
            if (Directory.Exists(full))
            {
                foreach (var file in WalkDirectory(full, baseDirectory, request))
                {
                    found.TryAdd(file.FullPath, file);
                }
            }
            else if (File.Exists(full) || IsLink(full))
            {
                var reportPath = RepositoryRoot.ReportPath(baseDirectory, full);
                if (request.Filter.Accepts(reportPath))
                {
                    found[full] = new DiscoveredFile(full, reportPath, Explicit: true);
                }
            }
            else
            {
                missing.Add(given);
            }
        }

        if (request.Changes is { } changes)
        {
            foreach (var unchanged in found.Keys.Where(full => !changes.IsChanged(full)).ToList())
            {
                found.Remove(unchanged);
            }
        }

        if (request.IncludeReferencing && found.Count > 0 && missing.Count == 0)
        {
            foreach (var referrer in ReferencingFiles.Find(found.Values, names => CandidatesNaming(baseDirectory, names, request)))
            {
                found.TryAdd(referrer.FullPath, referrer);
            }
        }

        var files = found.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return new DiscoveryResult(files, missing, baseDirectory);
    }

    /// <summary>
    /// The files under the base that may name one of <paramref name="names"/>: in a git work tree those git grep
    /// finds (fast in a large repository), elsewhere every candidate file. The same exclusions apply as to a walk.
    /// </summary>
    private static IReadOnlyList<DiscoveredFile> CandidatesNaming(string baseDirectory, IReadOnlyCollection<string> names, DiscoveryRequest request)
    {
        var fromGit = request.UseGitIgnore && RepositoryRoot.Find(baseDirectory) is not null ? ReferencingFiles.GitFilesNaming(baseDirectory, names) : null;
        if (fromGit is null)
        {
            return WalkDirectory(baseDirectory, baseDirectory, request).ToList();
        }

        return fromGit
            .Where(relative => CandidateExtensions.Contains(Path.GetExtension(relative)) && !IsSkippedByDefault(relative))
            .Select(relative => Path.GetFullPath(Path.Combine(baseDirectory, relative)))
            .Where(full => File.Exists(full))
            .Select(full => new DiscoveredFile(full, RepositoryRoot.ReportPath(baseDirectory, full), Explicit: false))
            .Where(file => request.Filter.Accepts(file.Path))
            .ToList();
    }

    /// <summary>Default exclusions: dependency and build folders anywhere, CDK asset staging folders.</summary>
    public static bool IsSkippedByDefault(string relativePath)
    {
        var segments = relativePath.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (SkippedDirectoryNames.Contains(segments[i]))
            {
                return true;
            }

            if (segments[i] == "cdk.out" && segments[i + 1].StartsWith("asset.", StringComparison.Ordinal) && i + 1 < segments.Length - 1)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<DiscoveredFile> WalkDirectory(string directory, string baseDirectory, DiscoveryRequest request)
    {
        var inWorkTree = RepositoryRoot.Find(directory) is not null;
        var relativeFiles = request.UseGitIgnore && inWorkTree ? GitFileLister.List(directory) : null;
        relativeFiles ??= WalkWithoutGit(directory, request.UseGitIgnore);
        foreach (var relative in relativeFiles)
        {
            if (!CandidateExtensions.Contains(Path.GetExtension(relative)) || IsSkippedByDefault(relative))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(directory, relative));
            if (Directory.Exists(full) || !(File.Exists(full) || IsLink(full)))
            {
                // Submodules, directory symlinks, and tracked files deleted from the work tree.
                continue;
            }

            var reportPath = RepositoryRoot.ReportPath(baseDirectory, full);
            if (request.Filter.Accepts(reportPath))
            {
                yield return new DiscoveredFile(full, reportPath, Explicit: false);
            }
        }
    }

    /// <summary>Relative file paths under <paramref name="root"/>, honouring .gitignore files found on the way.</summary>
    private static List<string> WalkWithoutGit(string root, bool useGitIgnore)
    {
        var result = new List<string>();
        var pending = new Stack<(string Relative, IReadOnlyList<GitIgnoreRules> Rules)>();
        pending.Push((string.Empty, []));
        while (pending.Count > 0)
        {
            var (relativeDir, inherited) = pending.Pop();
            var fullDir = relativeDir.Length == 0 ? root : Path.Combine(root, relativeDir);
            var rules = inherited;
            var ignoreFile = Path.Combine(fullDir, ".gitignore");
            if (useGitIgnore && File.Exists(ignoreFile))
            {
                try
                {
                    rules = [.. inherited, GitIgnoreRules.Parse(relativeDir, File.ReadLines(ignoreFile))];
                }
                catch (IOException)
                {
                    // An unreadable .gitignore ignores nothing.
                }
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(fullDir).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var relative = relativeDir.Length == 0 ? entry.Name : relativeDir + "/" + entry.Name;
                var isLink = entry.LinkTarget is not null;
                var isDirectory = entry is DirectoryInfo;
                if (IsIgnored(rules, relative, isDirectory))
                {
                    continue;
                }

                if (isDirectory)
                {
                    // Directory symlinks are not followed: no loops, and no results on symlinked paths.
                    if (!isLink && !SkippedDirectoryNames.Contains(entry.Name))
                    {
                        pending.Push((relative, rules));
                    }
                }
                else
                {
                    result.Add(relative);
                }
            }
        }

        return result;
    }

    private static bool IsIgnored(IReadOnlyList<GitIgnoreRules> rules, string relative, bool isDirectory)
    {
        var ignored = false;
        foreach (var rule in rules)
        {
            ignored = rule.IsIgnored(relative, isDirectory) ?? ignored;
        }

        return ignored;
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
