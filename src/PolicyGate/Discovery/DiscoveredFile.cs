namespace PolicyGate.Discovery;

/// <summary>A file to scan. <see cref="Path"/> is the report path; <see cref="Explicit"/> when named on the command line.</summary>
public sealed record DiscoveredFile(string FullPath, string Path, bool Explicit);

/// <summary>What to walk and what to leave out.</summary>
public sealed record DiscoveryRequest
{
    /// <summary>Files and directories as given (relative to the working directory or absolute).</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>Where relative paths start.</summary>
    public required string WorkingDirectory { get; init; }

    public PathFilter Filter { get; init; } = PathFilter.None;

    public bool UseGitIgnore { get; init; } = true;

    /// <summary>When set, only files changed since the ref are kept (deleted files are never scanned).</summary>
    public GitChanges? Changes { get; init; }

    /// <summary>Also return the files under the report base that reference a selected file (see <see cref="ReferencingFiles"/>).</summary>
    public bool IncludeReferencing { get; init; }
}

/// <summary>The files found, in report-path order, and the paths that could not be used.</summary>
public sealed record DiscoveryResult(IReadOnlyList<DiscoveredFile> Files, IReadOnlyList<string> MissingPaths, string BaseDirectory);
