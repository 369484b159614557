using PolicyGate.Extraction;

namespace PolicyGate.Pipeline;

/// <summary>
/// How many documents of each kind a run saw. A plain array indexed by kind: generic collections keyed by an
/// enum are compiled at startup on every run, which a pre-commit hook feels.
/// </summary>
public sealed class DocumentCounts
{
    private static readonly DocumentKind[] Kinds = Enum.GetValues<DocumentKind>();
    private readonly int[] _counts;

    private DocumentCounts(int[] counts) => _counts = counts;

    public static DocumentCounts None { get; } = new(new int[Kinds.Length]);

    public static DocumentCounts Of(IEnumerable<DocumentKind> kinds)
    {
        var counts = new int[Kinds.Length];
        foreach (var kind in kinds)
        {
            counts[(int)kind]++;
        }

        return new DocumentCounts(counts);
    }

    public int this[DocumentKind kind] => _counts[(int)kind];

    public int Total => _counts.Sum();

    /// <summary>The kinds seen at least once, in the enum's order.</summary>
    public IEnumerable<(DocumentKind Kind, int Count)> Seen() =>
        Kinds.Where(k => _counts[(int)k] > 0).Select(k => (k, _counts[(int)k]));
}
