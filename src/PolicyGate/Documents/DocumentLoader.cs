namespace PolicyGate.Documents;

/// <summary>
/// Loads one file into a <see cref="LoadedFile"/>: checks its size before reading it, decodes it, chooses the
/// parser by content and extension, and turns every failure into a located diagnostic. It never throws for
/// anything a file can contain.
/// </summary>
public sealed class DocumentLoader(LoadLimits limits)
{
    public LoadLimits Limits { get; } = limits;

    /// <summary>Loads a file from disk.</summary>
    public LoadedFile Load(string fullPath, string reportPath)
    {
        var identity = new SourceFile(reportPath, fullPath);
        long length;
        try
        {
            length = new FileInfo(fullPath).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(identity, ex);
        }

        if (length > Limits.MaxFileBytes)
        {
            return LoadedFile.Failed(identity, FormatByExtension(reportPath), new DocumentDiagnostic(
                DiagnosticKind.FileTooLarge,
                $"the file is {length:N0} bytes, above the limit of {Limits.MaxFileBytes:N0} bytes (max-file-size); it was not read",
                SourceSpan.FileStart));
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(identity, ex);
        }

        // The file may have grown between the size check and the read.
        if (bytes.LongLength > Limits.MaxFileBytes)
        {
            return LoadedFile.Failed(identity, FormatByExtension(reportPath), new DocumentDiagnostic(
                DiagnosticKind.FileTooLarge,
                $"the file is {bytes.LongLength:N0} bytes, above the limit of {Limits.MaxFileBytes:N0} bytes (max-file-size)",
                SourceSpan.FileStart));
        }

        return Load(identity, bytes);
    }

    /// <summary>Loads content that is already in memory (for example a file's version at a git ref).</summary>
    public LoadedFile Load(SourceFile identity, ReadOnlySpan<byte> bytes)
    {
        var decoded = SourceTextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return LoadedFile.Failed(identity, FormatByExtension(identity.Path), decoded.Problem!);
        }

        return LoadText(new SourceFile(identity.Path, identity.FullPath, decoded.Text));
    }

    /// <summary>Parses a file whose text is known.</summary>
    public LoadedFile LoadText(SourceFile file)
    {
        var text = file.Text ?? string.Empty;
        var lines = LineIndex.Build(text);
        var byExtension = FormatByExtension(file.Path);
        try
        {
            if (LooksLikeJson(text))
            {
                var json = JsonDocumentParser.Parse(file, text, Limits, lines);
                var jsonFailed = json.Documents.IsEmpty && json.Diagnostics.Any(d => d.Kind == DiagnosticKind.SyntaxError);
                if (!jsonFailed || byExtension != DocumentFormat.Yaml)
                {
                    return json;
                }

                // A .yaml file in flow style ({a: 1}) is YAML, not broken JSON.
                var yaml = YamlDocumentLoader.Load(file, text, Limits, lines);
                return yaml.Diagnostics.Any(d => d.Kind == DiagnosticKind.SyntaxError) ? json : yaml;
            }

            return byExtension == DocumentFormat.Json
                ? JsonDocumentParser.Parse(file, text, Limits, lines)
                : YamlDocumentLoader.Load(file, text, Limits, lines);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser bug must still be a located finding, not a crash of the whole scan.
            return LoadedFile.Failed(file, byExtension, new DocumentDiagnostic(
                DiagnosticKind.SyntaxError,
                $"the file could not be parsed ({ex.GetType().Name}: {ex.Message})",
                SourceSpan.FileStart));
        }
    }

    /// <summary>JSON by extension; YAML for .yaml/.yml; otherwise decided by content.</summary>
    public static DocumentFormat FormatByExtension(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Json;
        }

        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            ? DocumentFormat.Yaml
            : DocumentFormat.None;
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                continue;
            }

            return c is '{' or '[';
        }

        return false;
    }

    private static LoadedFile Unreadable(SourceFile identity, Exception ex)
    {
        // The exception text names the absolute path; reports carry only the repository path.
        var reason = ex switch
        {
            FileNotFoundException or DirectoryNotFoundException => "the file does not exist (a dangling symbolic link?)",
            UnauthorizedAccessException => "permission denied",
            IOException io when io.Message.Contains("symbolic links", StringComparison.OrdinalIgnoreCase) || io.HResult == 40 => "too many levels of symbolic links (a symlink loop)",
            _ => ex.Message.Replace(identity.FullPath, identity.Path, StringComparison.Ordinal),
        };
        return LoadedFile.Failed(identity, FormatByExtension(identity.Path), new DocumentDiagnostic(
            DiagnosticKind.Unreadable, $"the file could not be read: {reason}", SourceSpan.FileStart));
    }
}
