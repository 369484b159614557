using System.Collections.Immutable;
using PolicyGate.Checks;
using PolicyGate.Extraction;

namespace PolicyGate.Pipeline;

/// <summary>Counts that describe a run. Nothing here depends on time or machine, so reports stay byte-identical.</summary>
public sealed record ScanSummary
{
    public int FilesScanned { get; init; }

    /// <summary>Documents by kind; "other" documents are ignored quietly but counted here.</summary>
    public ImmutableSortedDictionary<DocumentKind, int> Documents { get; init; } = ImmutableSortedDictionary<DocumentKind, int>.Empty;

    public int Policies { get; init; }

    public int EventPatterns { get; init; }

    public string Engine { get; init; } = "local";
}

/// <summary>Everything a report writer needs.</summary>
public sealed record ScanReport(ToolInfo Tool, IReadOnlyList<RuleDescriptor> Rules, IReadOnlyList<Finding> Findings, ScanSummary Summary)
{
    public int Errors => Findings.Count(f => f.Level == FindingLevel.Error);

    public int Warnings => Findings.Count(f => f.Level == FindingLevel.Warning);

    public int Notes => Findings.Count(f => f.Level == FindingLevel.Note);

    /// <summary>One line for humans: what was scanned and what was found.</summary>
    public string SummaryLine()
    {
        var kinds = Summary.Documents
            .Where(k => k.Value > 0)
            .Select(k => k.Key.Describe(k.Value));
        var scanned = $"{Summary.FilesScanned} file{(Summary.FilesScanned == 1 ? string.Empty : "s")} scanned";
        var detail = Summary.Documents.Values.Sum() > 0 ? $" ({string.Join(", ", kinds)})" : string.Empty;
        return $"{scanned}{detail}; {Findings.Count} finding{(Findings.Count == 1 ? string.Empty : "s")}: {Errors} error{(Errors == 1 ? string.Empty : "s")}, {Warnings} warning{(Warnings == 1 ? string.Empty : "s")}, {Notes} note{(Notes == 1 ? string.Empty : "s")}";
    }
}
