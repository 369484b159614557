using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Knowledge;

public enum PatternIssueKind
{
    /// <summary>A value the event source never emits at that field.</summary>
    UnknownValue,

    /// <summary>A value that differs from an emitted one only in letter case.</summary>
    CaseMismatch,

    /// <summary>A field or value list that no event can satisfy.</summary>
    NeverMatches,
}

/// <summary>A problem a knowledge-based check found in a pattern, at the node it concerns.</summary>
public sealed record PatternIssue(PatternIssueKind Kind, Node Node, string Message);

/// <summary>Collects issues once per node (a value list shared by several $or combinations is reported once).</summary>
internal sealed class PatternIssueList
{
    private readonly List<PatternIssue> _issues = [];
    private readonly HashSet<Node> _seen = new(ReferenceEqualityComparer.Instance);

    public void Add(PatternIssueKind kind, Node node, string message)
    {
        if (_seen.Add(node))
        {
            _issues.Add(new PatternIssue(kind, node, message));
        }
    }

    public IReadOnlyList<PatternIssue> Sorted() => _issues.OrderBy(i => i.Node.Span.Start).ThenBy(i => i.Message, StringComparer.Ordinal).ToList();
}
