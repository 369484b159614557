using PolicyGate.AccessAnalyzer;
using PolicyGate.Discovery;
using PolicyGate.Documents;

namespace PolicyGate.Cli;

/// <summary>
/// A policy given on the command line (JSON or YAML), loaded with its located tree. A JSON file is handed to
/// the engines as written, so Access Analyzer's line and column numbers are the file's; a YAML file as compact JSON.
/// </summary>
public sealed record PolicyInputFile(string ReportPath, DocumentFormat Format, ObjectNode Root)
{
    public PolicyDocumentInput Input => EngineInput(Format, Root);

    /// <summary>What an engine receives for a loaded document: a JSON file's own text, or a YAML document as compact JSON; with the located tree.</summary>
    public static PolicyDocumentInput EngineInput(DocumentFormat format, Node root) =>
        new(format == DocumentFormat.Json && root.File.Text is { } text ? text : JsonText.Compact(root), root);

    /// <summary>True when <see cref="Input"/> is the file's own text (positions in it are positions in the file).</summary>
    public bool SentAsWritten => Format == DocumentFormat.Json && Root.File.Text is not null;

    /// <summary>
    /// Loads the file, or writes located messages to <paramref name="error"/> and returns null: a missing file, a
    /// syntax error, an empty file, several YAML documents, or a document that is not an object.
    /// </summary>
    public static PolicyInputFile? Load(CliOutput io, string option, string path, long maxFileBytes)
    {
        var full = Path.GetFullPath(path, io.WorkingDirectory);
        if (!File.Exists(full))
        {
            io.Error.WriteLine($"policygate: {option} {path}: no such file");
            return null;
        }

        var reportPath = RepositoryRoot.ReportPath(RepositoryRoot.ReportBase(io.WorkingDirectory), full);
        var loaded = new DocumentLoader(LoadLimits.Default with { MaxFileBytes = maxFileBytes }).Load(full, reportPath);
        var problems = loaded.Diagnostics.Where(d => d.Kind != DiagnosticKind.DuplicateKey).ToList();
        foreach (var problem in problems)
        {
            io.Error.WriteLine($"{reportPath}:{problem.Span.StartLine}:{problem.Span.StartColumn}: error: {problem.Message}");
        }

        if (problems.Count > 0)
        {
            io.Error.WriteLine($"policygate: {option} {path}: the policy cannot be read");
            return null;
        }

        switch (loaded.Documents.Length)
        {
            case 0:
                io.Error.WriteLine($"policygate: {option} {path}: the file is empty");
                return null;
            case > 1:
                io.Error.WriteLine($"policygate: {option} {path} holds {loaded.Documents.Length} YAML documents; give one policy");
                return null;
        }

        if (loaded.Documents[0] is not ObjectNode root)
        {
            var node = loaded.Documents[0];
            io.Error.WriteLine($"{reportPath}:{node.Span.StartLine}:{node.Span.StartColumn}: error: a policy is a JSON object, not {Article(node.KindName)}");
            return null;
        }

        return new PolicyInputFile(reportPath, loaded.Format, root);
    }

    private static string Article(string kind) => kind.Length > 0 && "aeiou".Contains(kind[0]) ? $"an {kind}" : $"a {kind}";
}
