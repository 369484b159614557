using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>Short phrases naming events and value lists in messages.</summary>
internal static class EventPhrases
{
    public static string Events(PatternScope scope)
    {
        var sources = scope.Pairs.Select(p => p.Source.Source).Distinct().ToList();
        var detailTypes = scope.Pairs.Select(p => p.DetailType).Distinct().ToList();
        var of = string.Join(", ", sources);
        return detailTypes.Count <= 2
            ? $"{string.Join(" and ", detailTypes.Select(d => $"\"{d}\""))} events of {of}"
            : $"{of} events";
    }

    public static string Values(IReadOnlyList<string> values, int max = 8)
    {
        var shown = values.Take(max).Select(v => JsonText.Quote(v));
        return string.Join(", ", shown) + (values.Count > max ? $" (and {values.Count - max} more)" : string.Empty);
    }
}
