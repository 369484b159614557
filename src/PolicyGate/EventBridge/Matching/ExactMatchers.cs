using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge.Matching;

/// <summary>A plain string in a value list (or "exactly"): the event string must be identical, byte for byte.</summary>
public sealed class ExactStringMatcher(Node source, string value) : ValueMatcher(source)
{
    public string Value { get; } = JavaStrings.Normalize(value);

    public override MatcherKind Kind => MatcherKind.ExactString;

    public override bool Matches(EventLeaf leaf, LeafView view) =>
        view == LeafView.Raw && leaf.Kind == LeafKind.String && string.Equals(leaf.Text, Value, StringComparison.Ordinal);
}

/// <summary>A number, true, false or null in a value list: the same JSON literal, numbers by their text.</summary>
public sealed class ExactLiteralMatcher(Node source, LeafKind literalKind, string text) : ValueMatcher(source)
{
    public LeafKind LiteralKind { get; } = literalKind;

    public string Text { get; } = text;

    public override MatcherKind Kind => MatcherKind.ExactLiteral;

    public override bool Matches(EventLeaf leaf, LeafView view) =>
        view == LeafView.Raw && leaf.Kind == LiteralKind && (LiteralKind != LeafKind.Number || string.Equals(leaf.Text, Text, StringComparison.Ordinal));
}

/// <summary>{"exists": true}: any value at all (null included) at the path.</summary>
public sealed class ExistsMatcher(Node source) : ValueMatcher(source)
{
    public override MatcherKind Kind => MatcherKind.Exists;

    public override bool Matches(EventLeaf leaf, LeafView view) => true;
}
