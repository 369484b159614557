using System.Collections.Immutable;
using PolicyGate.Checks;
using PolicyGate.Extraction;

namespace PolicyGate.Pipeline;

/// <summary>Counts that describe a run. Nothing here depends on time or machine, so reports stay byte-identical.</summary>
public sealed record ScanSummary
{
    public int FilesScanned { get; init; }

    /// <summary>Documents by kind; "other" documents are ignored quietly but counted here.</summary>
    public DocumentCounts Documents { get; init; } = DocumentCounts.None;

    public int Policies { get; init; }

    public int EventPatterns { get; init; }

    public string Engine { get; init; } = "local";

    /// <summary>Findings a suppression covered (dropped from the report unless suppressed findings are included).</summary>
    public int Suppressed { get; init; }

    /// <summary>True when findings were compared with a baseline (each then has a <see cref="Finding.Baseline"/> state).</summary>
    public bool HasBaseline { get; init; }
}

/// <summary>Everything a report writer needs.</summary>
public sealed record ScanReport(ToolInfo Tool, IReadOnlyList<RuleDescriptor> Rules, IReadOnlyList<Finding> Findings, ScanSummary Summary)
{
    /// <summary>The findings reported as open: not suppressed (suppressed ones are only present when included on request).</summary>
    public IEnumerable<Finding> Open => Findings.Where(f => f.SuppressedBy is null);

    public int Errors => Open.Count(f => f.Level == FindingLevel.Error);

    public int Warnings => Open.Count(f => f.Level == FindingLevel.Warning);

    public int Notes => Open.Count(f => f.Level == FindingLevel.Note);

    public int NewFindings => Open.Count(f => f.Baseline == BaselineState.New);

    public int UnchangedFindings => Open.Count(f => f.Baseline == BaselineState.Unchanged);

    /// <summary>One line for humans: what was scanned and what was found.</summary>
    public string SummaryLine()
    {
        var kinds = Summary.Documents.Seen().Select(k => k.Kind.Describe(k.Count));
        var scanned = $"{Summary.FilesScanned} file{(Summary.FilesScanned == 1 ? string.Empty : "s")} scanned";
        var detail = Summary.Documents.Total > 0 ? $" ({string.Join(", ", kinds)})" : string.Empty;
        var open = Errors + Warnings + Notes;
        var adoption = (Summary.HasBaseline ? $"; baseline: {NewFindings} new, {UnchangedFindings} unchanged" : string.Empty)
                       + (Summary.Suppressed > 0 ? $"; {Summary.Suppressed} suppressed" : string.Empty);
        return $"{scanned}{detail}; {open} finding{(open == 1 ? string.Empty : "s")}: {Errors} error{(Errors == 1 ? string.Empty : "s")}, {Warnings} warning{(Warnings == 1 ? string.Empty : "s")}, {Notes} note{(Notes == 1 ? string.Empty : "s")}{adoption}";
    }
}
