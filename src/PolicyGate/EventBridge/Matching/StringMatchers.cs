using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge.Matching;

/// <summary>{"prefix": "s"}: strings that start with s, byte for byte ("" matches every string).</summary>
public sealed class PrefixMatcher(Node source, string prefix) : ValueMatcher(source)
{
    public string Prefix { get; } = JavaStrings.Normalize(prefix);

    public override MatcherKind Kind => MatcherKind.Prefix;

    public override bool Matches(EventLeaf leaf, LeafView view) =>
        view == LeafView.Raw && leaf.Kind == LeafKind.String && leaf.Text.StartsWith(Prefix, StringComparison.Ordinal);
}

/// <summary>{"suffix": "s"}: strings that end with s.</summary>
public sealed class SuffixMatcher(Node source, string suffix) : ValueMatcher(source)
{
    public string Suffix { get; } = JavaStrings.Normalize(suffix);

    public override MatcherKind Kind => MatcherKind.Suffix;

    public override bool Matches(EventLeaf leaf, LeafView view) =>
        view == LeafView.Raw && leaf.Kind == LeafKind.String && leaf.Text.EndsWith(Suffix, StringComparison.Ordinal);
}

/// <summary>{"equals-ignore-case": "s"} and the prefix/suffix forms with equals-ignore-case inside.</summary>
public sealed class IgnoreCaseMatcher(Node source, MatcherKind kind, string text) : ValueMatcher(source)
{
    public IgnoreCaseText Text { get; } = new(JavaStrings.Normalize(text));

    public override MatcherKind Kind { get; } = kind;

    public override bool Matches(EventLeaf leaf, LeafView view)
    {
        if (view != LeafView.Raw || leaf.Kind != LeafKind.String)
        {
            return false;
        }

        return Kind switch
        {
            MatcherKind.PrefixIgnoreCase => Text.IsPrefixOf(leaf.Text),
            MatcherKind.SuffixIgnoreCase => Text.IsSuffixOf(leaf.Text),
            _ => Text.Equals(leaf.Text),
        };
    }
}

/// <summary>{"wildcard": "a*b"}: strings the wildcard covers, case-sensitive.</summary>
public sealed class WildcardMatcher(Node source, WildcardText wildcard) : ValueMatcher(source)
{
    public WildcardText Wildcard { get; } = wildcard;

    public override MatcherKind Kind => MatcherKind.Wildcard;

    public override bool Matches(EventLeaf leaf, LeafView view) =>
        view == LeafView.Raw && leaf.Kind == LeafKind.String && Wildcard.Matches(leaf.Text);
}
