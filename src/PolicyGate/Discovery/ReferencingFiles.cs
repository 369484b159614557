using System.Text;

namespace PolicyGate.Discovery;

/// <summary>
/// The files that refer to other files by relative path: a template whose nested stack (<c>TemplateURL</c>)
/// or <c>AWS::Include</c> <c>Location</c> names a local file, or a policygate.yaml whose rule tests name a
/// sample event or pattern file. A candidate refers to a target when its text contains the target's path
/// relative to the candidate's own directory as a whole path (<c>nested/role.yaml</c>, <c>./nested/role.yaml</c>,
/// <c>../policies/x.json</c>; not <c>other/nested/role.yaml</c>), which is how <c>aws cloudformation package</c> and PolicyGate resolve them.
/// Used so that checking only the files a commit changed (pre-commit, <c>--changed-since</c>) also re-checks
/// the files that include them. Referrers of referrers are found too.
/// </summary>
public static class ReferencingFiles
{
    /// <summary>Candidate files larger than this are not searched (templates are far smaller; CloudFormation's own limit is 1 MB).</summary>
    public const long MaxCandidateBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The files that reference a target, and the files that reference those, and so on.
    /// <paramref name="candidatesNaming"/> returns the candidate files whose text may contain one of the given
    /// file names (all candidates will do; a git grep is faster in a large repository).
    /// </summary>
    public static IReadOnlyList<DiscoveredFile> Find(IReadOnlyCollection<DiscoveredFile> targets, Func<IReadOnlyCollection<string>, IReadOnlyList<DiscoveredFile>> candidatesNaming)
    {
        var selected = new HashSet<string>(targets.Select(t => t.FullPath), StringComparer.Ordinal);
        var pending = targets.ToList();
        var found = new List<DiscoveredFile>();
        var texts = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var names = pending.Select(t => Path.GetFileName(t.FullPath)).Distinct(StringComparer.Ordinal).ToList();
            var next = new List<DiscoveredFile>();
            foreach (var candidate in candidatesNaming(names))
            {
                if (selected.Contains(candidate.FullPath))
                {
                    continue;
                }

                if (!texts.TryGetValue(candidate.FullPath, out var bytes))
                {
                    bytes = texts[candidate.FullPath] = Read(candidate.FullPath);
                }

                if (bytes is not null && pending.Any(target => Mentions(bytes, candidate.FullPath, target.FullPath)))
                {
                    selected.Add(candidate.FullPath);
                    next.Add(candidate);
                }
            }

            found.AddRange(next);
            pending = next;
        }

        return found;
    }

    /// <summary>
    /// Repository-relative paths of the tracked and untracked, not ignored, JSON and YAML files under
    /// <paramref name="root"/> that contain one of the names (git grep), or null when git cannot answer.
    /// </summary>
    public static IReadOnlyList<string>? GitFilesNaming(string root, IReadOnlyCollection<string> names)
    {
        var args = new List<string> { "grep", "-l", "-z", "-I", "-F", "--untracked" };
        foreach (var name in names)
        {
            args.Add("-e");
            args.Add(name);
        }

        args.Add("--");
        args.AddRange(FileDiscovery.CandidateExtensions.Select(e => $":(icase)*{e}"));
        var result = GitProcess.Run(root, [.. args]);
        return result?.ExitCode switch
        {
            0 => GitProcess.SplitNul(result.Output),
            1 => [],
            _ => null,
        };
    }

    /// <summary>Whether the candidate's text holds the target's path relative to the candidate's directory.</summary>
    public static bool Mentions(ReadOnlySpan<byte> candidateText, string candidateFullPath, string targetFullPath)
    {
        // The file name is the cheap first test; most candidates fail it.
        if (candidateText.IndexOf(Encoding.UTF8.GetBytes(Path.GetFileName(targetFullPath))) < 0)
        {
            return false;
        }

        var directory = Path.GetDirectoryName(candidateFullPath) ?? string.Empty;
        var relative = Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, targetFullPath).Replace('\\', '/'));
        for (var from = 0; from < candidateText.Length;)
        {
            var at = candidateText[from..].IndexOf(relative);
            if (at < 0)
            {
                return false;
            }

            at += from;
            var end = at + relative.Length;
            var start = at >= 2 && candidateText[at - 1] == '/' && candidateText[at - 2] == '.' && (at == 2 || !IsPathByte(candidateText[at - 3])) ? at - 2 : at;
            if ((start == 0 || !IsPathByte(candidateText[start - 1])) && (end == candidateText.Length || !IsPathByte(candidateText[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    /// <summary>Bytes that continue a path: a match must not be part of a longer path (<c>other/x.json</c>, <c>x.json.bak</c>).</summary>
    private static bool IsPathByte(byte b) =>
        b is (byte)'/' or (byte)'.' or (byte)'-' or (byte)'_' or (byte)'\\' || char.IsAsciiLetterOrDigit((char)b) || b >= 0x80;

    private static byte[]? Read(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            return info.Length > MaxCandidateBytes ? null : File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
