using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge.Matching;

/// <summary>A number literal's float64 form, or {"numeric": ["=", n]}: equal as float64.</summary>
public sealed class NumericEqualsMatcher(Node source, double value) : ValueMatcher(source)
{
    public double Value { get; } = value;

    public override MatcherKind Kind => MatcherKind.NumericEquals;

    public override bool IsNumeric => true;

    public override bool Matches(EventLeaf leaf, LeafView view) => view == LeafView.Numeric && leaf.Number == Value;
}

/// <summary>{"numeric": [">", a, "<=", b]} and its one-sided forms, over float64.</summary>
public sealed class NumericRangeMatcher(Node source, double lower, bool lowerInclusive, double upper, bool upperInclusive) : ValueMatcher(source)
{
    public double Lower { get; } = lower;

    public bool LowerInclusive { get; } = lowerInclusive;

    public double Upper { get; } = upper;

    public bool UpperInclusive { get; } = upperInclusive;

    public override MatcherKind Kind => MatcherKind.NumericRange;

    public override bool IsNumeric => true;

    /// <summary>True when no float64 lies in the range (for example "> 1" and "&lt; 1.0000000000000002").</summary>
    public bool IsEmpty
    {
        get
        {
            var low = LowerInclusive ? Lower : Math.BitIncrement(Lower);
            var high = UpperInclusive ? Upper : Math.BitDecrement(Upper);
            return low > high;
        }
    }

    public bool Contains(double value) =>
        (LowerInclusive ? value >= Lower : value > Lower) && (UpperInclusive ? value <= Upper : value < Upper);

    public override bool Matches(EventLeaf leaf, LeafView view) => view == LeafView.Numeric && Contains(leaf.Number);
}

/// <summary>{"cidr": "a/n"}, or a plain string that is an IP address: the event address lies in the range.</summary>
public sealed class AddressRangeMatcher(Node source, bool isV6, UInt128 lower, UInt128 upper) : ValueMatcher(source)
{
    public bool IsV6 { get; } = isV6;

    public UInt128 Lower { get; } = lower;

    public UInt128 Upper { get; } = upper;

    public override MatcherKind Kind => MatcherKind.AddressRange;

    public override bool IsAddress => true;

    public override bool Matches(EventLeaf leaf, LeafView view) =>
        view == LeafView.Address && leaf.Address.IsV6 == IsV6 && leaf.Address.Value >= Lower && leaf.Address.Value <= Upper;
}
