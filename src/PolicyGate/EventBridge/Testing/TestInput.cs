using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Testing;

/// <summary>A pattern or event given to events test: its tree, or why it could not be read.</summary>
public sealed record TestInput(Node? Root, string? Problem, SourceSpan? TrailingText)
{
    /// <summary>
    /// Reads an argument that is either JSON text (it starts with '{' or '[') or a file (JSON or YAML).
    /// JSON is read as EventBridge reads it: text after the closing brace is ignored (and remembered).
    /// </summary>
    public static TestInput Read(string argument, string workingDirectory, string label)
    {
        var trimmed = argument.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return FromJson(new SourceFile(label, label, argument));
        }

        var full = Path.GetFullPath(argument, workingDirectory);
        if (!File.Exists(full))
        {
            return new TestInput(null, $"{argument}: no such file (give a file, or JSON text starting with '{{')", null);
        }

        var reportPath = Path.GetRelativePath(workingDirectory, full).Replace('\\', '/');
        var loaded = new DocumentLoader(LoadLimits.Default).Load(full, reportPath);
        var text = loaded.File.Text;
        if (text is not null && DocumentLoader.FormatByExtension(full) != DocumentFormat.Yaml && text.TrimStart().StartsWith('{'))
        {
            return FromJson(loaded.File);
        }

        if (loaded.Diagnostics.FirstOrDefault(d => d.Kind != DiagnosticKind.DuplicateKey) is { } problem)
        {
            return new TestInput(null, $"{reportPath}:{problem.Span.StartLine}:{problem.Span.StartColumn}: {problem.Message}", null);
        }

        return loaded.Documents.Length == 1
            ? new TestInput(loaded.Documents[0], null, null)
            : new TestInput(null, $"{reportPath} holds {loaded.Documents.Length} documents; give one", null);
    }

    /// <summary>Reads JSON text (for example a line of a cases file).</summary>
    public static TestInput FromJson(SourceFile file)
    {
        var source = PatternText.Parse(file);
        return source.Root is null
            ? new TestInput(null, Located(source.SyntaxError!), null)
            : new TestInput(source.Root, null, source.TrailingText);
    }

    public static string Located(PatternError error) =>
        $"{error.Location.Path}:{error.Location.Span.StartLine}:{error.Location.Span.StartColumn}: {error.Reason}";
}
