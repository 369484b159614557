using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// How a field's matchers see an event value. EventBridge converts a number to its float64 form when the
/// field has a numeric matcher, and otherwise converts an IP-address string to its address form when the
/// field has an address matcher; a converted value is no longer a string to the string matchers.
/// </summary>
public enum LeafView : byte
{
    Raw,
    Numeric,
    Address,
}

public enum MatcherKind
{
    ExactString,
    ExactLiteral,
    NumericEquals,
    NumericRange,
    AddressRange,
    Prefix,
    Suffix,
    EqualsIgnoreCase,
    PrefixIgnoreCase,
    SuffixIgnoreCase,
    Wildcard,
    Exists,
    AnythingBut,
    AnythingButPrefix,
    AnythingButSuffix,
    AnythingButIgnoreCase,
    AnythingButWildcard,
}

/// <summary>One entry of a pattern's value list, compiled: decides whether one event value satisfies it.</summary>
public abstract class ValueMatcher(Node source)
{
    /// <summary>The list element it came from (a string, number, literal or match expression).</summary>
    public Node Source { get; } = source;

    public abstract MatcherKind Kind { get; }

    /// <summary>True for matchers that compare numbers (they make the field convert numbers).</summary>
    public virtual bool IsNumeric => false;

    /// <summary>True for matchers that compare IP addresses (they make the field convert address strings).</summary>
    public virtual bool IsAddress => false;

    public abstract bool Matches(EventLeaf leaf, LeafView view);

    /// <summary>The matcher as written, for messages.</summary>
    public override string ToString() => JsonText.Short(Source);
}
