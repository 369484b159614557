namespace PolicyGate.Discovery;

/// <summary>
/// The patterns of one <c>.gitignore</c> file, relative to the directory holding it. Used when scanning a
/// tree that git does not manage (inside a work tree git itself answers).
/// </summary>
public sealed class GitIgnoreRules
{
    private readonly IReadOnlyList<GlobPattern> _patterns;

    private GitIgnoreRules(string directory, IReadOnlyList<GlobPattern> patterns)
    {
        Directory = directory;
        _patterns = patterns;
    }

    /// <summary>The directory the file lives in, relative to the walk's root ("" for the root).</summary>
    public string Directory { get; }

    public static GitIgnoreRules Parse(string directory, IEnumerable<string> lines)
    {
        var patterns = new List<GlobPattern>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (!line.EndsWith(@"\ ", StringComparison.Ordinal))
            {
                line = line.TrimEnd(' ');
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith(@"\#", StringComparison.Ordinal) || line.StartsWith(@"\!", StringComparison.Ordinal))
            {
                line = line[1..];
            }

            patterns.Add(GlobPattern.Parse(line, allowNegation: true));
        }

        return new GitIgnoreRules(directory, patterns);
    }

    /// <summary>True, false, or null when no pattern here speaks about the path (the last match wins).</summary>
    public bool? IsIgnored(string relativePath, bool isDirectory)
    {
        var local = Directory.Length == 0 ? relativePath
            : relativePath.StartsWith(Directory + "/", StringComparison.Ordinal) ? relativePath[(Directory.Length + 1)..]
            : null;
        if (local is null)
        {
            return null;
        }

        bool? verdict = null;
        foreach (var pattern in _patterns)
        {
            if (pattern.Matches(local, isDirectory))
            {
                verdict = !pattern.Negated;
            }
        }

        return verdict;
    }
}
