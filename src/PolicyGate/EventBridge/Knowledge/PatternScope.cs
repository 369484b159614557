using System.Collections.Immutable;
using PolicyGate.EventBridge.Events;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>A known source and one of its detail-types that a sub-rule can match.</summary>
public sealed record SourceDetailType(SourceKnowledge Source, string DetailType);

/// <summary>
/// Which known events a sub-rule can match: the known sources its source field accepts, and for each the
/// detail-types its detail-type field accepts. Empty when the pattern does not name a known source.
/// </summary>
public sealed class PatternScope
{
    private readonly EventSourceCatalog _catalog;

    private PatternScope(EventSourceCatalog catalog, SubRule rule, ImmutableArray<SourceKnowledge> sources, ImmutableArray<SourceDetailType> pairs)
    {
        _catalog = catalog;
        Rule = rule;
        Sources = sources;
        Pairs = pairs;
    }

    public SubRule Rule { get; }

    /// <summary>Known sources the sub-rule's source field accepts (empty when it has none, or only unknown ones).</summary>
    public ImmutableArray<SourceKnowledge> Sources { get; }

    /// <summary>Known (source, detail-type) pairs the sub-rule can match.</summary>
    public ImmutableArray<SourceDetailType> Pairs { get; }

    public Condition? Field(string path) => Rule.Conditions.FirstOrDefault(c => c.Path == path);

    public static PatternScope Of(SubRule rule, EventSourceCatalog catalog)
    {
        var source = rule.Conditions.FirstOrDefault(c => c.Path == "source");
        var detailType = rule.Conditions.FirstOrDefault(c => c.Path == "detail-type");
        var sources = source is null
            ? ImmutableArray<SourceKnowledge>.Empty
            : catalog.Sources.Values.Where(s => AcceptsString(source, s.Source)).OrderBy(s => s.Source, StringComparer.Ordinal).ToImmutableArray();
        var pairs = sources
            .SelectMany(s => catalog.DetailTypesOf(s).Where(d => detailType is null || AcceptsString(detailType, d)).Select(d => new SourceDetailType(s, d)))
            .ToImmutableArray();
        return new PatternScope(catalog, rule, sources, pairs);
    }

    /// <summary>
    /// What every matchable known event says about a field: the specs of the pairs whose events have it
    /// (pairs whose events lack the field cannot match it anyway), or null when some pair knows nothing
    /// about it or no pair has it (then nothing is concluded).
    /// </summary>
    public IReadOnlyList<FieldSpec>? SpecsOf(string path)
    {
        if (Pairs.IsEmpty)
        {
            return null;
        }

        var specs = new List<FieldSpec>();
        foreach (var pair in Pairs)
        {
            if (_catalog.FieldOf(pair.Source, pair.DetailType, path) is not { } spec)
            {
                return null;
            }

            if (!spec.IsAbsent)
            {
                specs.Add(spec);
            }
        }

        return specs.Count == 0 ? null : specs;
    }

    /// <summary>The complete list of values a field can take across the pairs, or null when some list is open or missing.</summary>
    public IReadOnlyList<string>? ClosedValuesOf(string path)
    {
        var specs = SpecsOf(path);
        if (specs is null || specs.Any(s => !s.Closed || !s.HasValues))
        {
            return null;
        }

        return specs.SelectMany(s => s.Values).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the field's value list accepts a given string value (as if an event carried it).</summary>
    public static bool AcceptsString(Condition condition, string value) =>
        condition.Accepts(new EventLeaf(LeafKind.String, value, ArrayMembership.None, null));

    /// <summary>Whether the field accepts any of the values.</summary>
    public static bool AcceptsAny(Condition? condition, IEnumerable<string> values) =>
        condition is not null && values.Any(v => AcceptsString(condition, v));

    /// <summary>The plain string values listed for a field (exact matches), with their nodes.</summary>
    public static IEnumerable<ExactStringMatcher> ExactStrings(Condition condition) => condition.Matchers.OfType<ExactStringMatcher>();
}
