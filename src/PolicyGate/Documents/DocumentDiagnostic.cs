namespace PolicyGate.Documents;

/// <summary>What went wrong while reading or parsing a file. Each kind maps to one rule in Checks/Parsing.</summary>
public enum DiagnosticKind
{
    SyntaxError,
    DuplicateKey,
    UnsupportedEncoding,
    BinaryContent,
    FileTooLarge,
    NestingTooDeep,
    AliasExpansionLimit,
    Unreadable,
}

/// <summary>A located problem found while loading a file; the Checks stage turns it into a finding.</summary>
public sealed record DocumentDiagnostic(DiagnosticKind Kind, string Message, SourceSpan Span);
