using PolicyGate.Documents;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge.Events;

public enum LeafKind : byte
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// One value of a flattened event: its kind, its text (string contents, or a number's text exactly as
/// written), the arrays it sits in, and the forms EventBridge compares it in: a float64 when the number's
/// text is exact, an address when the string is an IP address.
/// </summary>
public sealed class EventLeaf
{
    public EventLeaf(LeafKind kind, string text, ArrayMembership membership, Node? source)
    {
        Kind = kind;
        Text = kind == LeafKind.String ? JavaStrings.Normalize(text) : text;
        Membership = membership;
        Source = source;
        if (kind == LeafKind.Number && Float64Text.TryGetComparable(text, out var number))
        {
            HasNumber = true;
            Number = number;
        }
        else if (kind == LeafKind.String && IpAddressValue.TryParse(text, out var address))
        {
            HasAddress = true;
            Address = address;
        }
    }

    public LeafKind Kind { get; }

    public string Text { get; }

    public ArrayMembership Membership { get; }

    /// <summary>Where the value is in the event file, when it came from one.</summary>
    public Node? Source { get; }

    /// <summary>True for a number whose text is an exact float64 (see <see cref="Float64Text"/>).</summary>
    public bool HasNumber { get; }

    public double Number { get; }

    /// <summary>True for a string that is an IPv4 or IPv6 address.</summary>
    public bool HasAddress { get; }

    public IpAddressValue Address { get; }

    /// <summary>The value as JSON, for messages.</summary>
    public string Display => Kind == LeafKind.String ? JsonText.Quote(Text) : Text;
}
