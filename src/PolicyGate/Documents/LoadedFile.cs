using System.Collections.Immutable;

namespace PolicyGate.Documents;

public enum DocumentFormat
{
    None,
    Json,
    Yaml,
}

/// <summary>
/// A file after loading: its documents (a YAML stream may hold several; JSON holds one; an empty file none)
/// and whatever went wrong. A file that could not be parsed has diagnostics and no documents.
/// </summary>
public sealed record LoadedFile(
    SourceFile File,
    DocumentFormat Format,
    ImmutableArray<Node> Documents,
    ImmutableArray<DocumentDiagnostic> Diagnostics)
{
    public static LoadedFile Failed(SourceFile file, DocumentFormat format, params DocumentDiagnostic[] diagnostics) =>
        new(file, format, ImmutableArray<Node>.Empty, diagnostics.ToImmutableArray());
}
