namespace PolicyGate.Documents;

/// <summary>
/// One file as the pipeline sees it. <see cref="Path"/> is what reports show: relative to the repository
/// root (or the working directory outside a repository), with forward slashes.
/// </summary>
public sealed class SourceFile
{
    public SourceFile(string path, string fullPath, string? text = null)
    {
        Path = path;
        FullPath = fullPath;
        Text = text;
    }

    /// <summary>Report path: repository-relative, forward slashes.</summary>
    public string Path { get; }

    /// <summary>Absolute path on disk; never written to reports.</summary>
    public string FullPath { get; }

    /// <summary>The decoded text (BOM removed) when the file could be read and decoded; null otherwise.</summary>
    public string? Text { get; }

    public override string ToString() => Path;
}

/// <summary>Where a finding points: a report path and a span in it.</summary>
public readonly record struct SourceLocation(string Path, SourceSpan Span)
{
    public static SourceLocation Of(Node node) => new(node.File.Path, node.Span);

    public override string ToString() => $"{Path}:{Span.StartLine}:{Span.StartColumn}";
}
