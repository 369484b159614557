using PolicyGate.Documents;

namespace PolicyGate.Extraction;

/// <summary>One document of a loaded file with its kind. <see cref="Index"/> counts documents in a YAML stream.</summary>
public sealed record ClassifiedDocument(LoadedFile File, Node Root, DocumentKind Kind, int Index)
{
    public SourceFile Source => File.File;
}
