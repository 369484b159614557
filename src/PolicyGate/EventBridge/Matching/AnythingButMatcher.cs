using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// {"anything-but": ...} in all its forms: any value present at the path that the excluded set does not
/// cover. A value of another type (a number against excluded strings, null, a converted address) is never
/// excluded, so it matches; a missing field never matches.
/// </summary>
public sealed class AnythingButMatcher : ValueMatcher
{
    private readonly FrozenSet<string> _strings;
    private readonly FrozenSet<double> _numbers;
    private readonly ImmutableArray<IgnoreCaseText> _ignoreCase;
    private readonly ImmutableArray<WildcardText> _wildcards;

    private AnythingButMatcher(Node source, MatcherKind kind, IEnumerable<string> strings, IEnumerable<double> numbers,
        ImmutableArray<IgnoreCaseText> ignoreCase, ImmutableArray<WildcardText> wildcards)
        : base(source)
    {
        Kind = kind;
        _strings = strings.Select(JavaStrings.Normalize).ToFrozenSet(StringComparer.Ordinal);
        _numbers = numbers.ToFrozenSet();
        _ignoreCase = ignoreCase;
        _wildcards = wildcards;
    }

    public override MatcherKind Kind { get; }

    public override bool IsNumeric => _numbers.Count > 0;

    /// <summary>The excluded strings (exact, prefixes or suffixes, by kind).</summary>
    public IReadOnlyCollection<string> ExcludedStrings => _strings;

    public IReadOnlyCollection<double> ExcludedNumbers => _numbers;

    public static AnythingButMatcher Strings(Node source, IEnumerable<string> values) =>
        new(source, MatcherKind.AnythingBut, values, [], [], []);

    public static AnythingButMatcher Numbers(Node source, IEnumerable<double> values) =>
        new(source, MatcherKind.AnythingBut, [], values, [], []);

    public static AnythingButMatcher Prefixes(Node source, IEnumerable<string> values) =>
        new(source, MatcherKind.AnythingButPrefix, values, [], [], []);

    public static AnythingButMatcher Suffixes(Node source, IEnumerable<string> values) =>
        new(source, MatcherKind.AnythingButSuffix, values, [], [], []);

    public static AnythingButMatcher IgnoringCase(Node source, IEnumerable<string> values) =>
        new(source, MatcherKind.AnythingButIgnoreCase, [], [], values.Select(v => new IgnoreCaseText(JavaStrings.Normalize(v))).ToImmutableArray(), []);

    public static AnythingButMatcher Wildcards(Node source, IEnumerable<WildcardText> values) =>
        new(source, MatcherKind.AnythingButWildcard, [], [], [], values.ToImmutableArray());

    public override bool Matches(EventLeaf leaf, LeafView view) => !Excludes(leaf, view);

    private bool Excludes(EventLeaf leaf, LeafView view)
    {
        if (view == LeafView.Numeric)
        {
            return _numbers.Contains(leaf.Number);
        }

        if (view != LeafView.Raw || leaf.Kind != LeafKind.String)
        {
            return false;
        }

        var text = leaf.Text;
        switch (Kind)
        {
            case MatcherKind.AnythingBut:
                return _strings.Contains(text);
            case MatcherKind.AnythingButPrefix:
                foreach (var prefix in _strings)
                {
                    if (text.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            case MatcherKind.AnythingButSuffix:
                foreach (var suffix in _strings)
                {
                    if (text.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            case MatcherKind.AnythingButIgnoreCase:
                return _ignoreCase.Any(i => i.Equals(text));
            default:
                return _wildcards.Any(w => w.Matches(text));
        }
    }
}
