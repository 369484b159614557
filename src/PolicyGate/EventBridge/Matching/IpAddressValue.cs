using System.Text.RegularExpressions;

namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// An IPv4 or IPv6 address as EventBridge recognises one in a string: the text must look like four
/// dotted decimal numbers or like hex groups with a colon (no embedded dotted quad, no zone, no
/// brackets), and then parse as Java's InetAddress would (decimal octets with leading zeros allowed;
/// an IPv4-mapped IPv6 address counts as IPv4).
/// </summary>
public readonly partial record struct IpAddressValue(bool IsV6, UInt128 Value)
{
    public int Bits => IsV6 ? 128 : 32;

    public static bool TryParse(string text, out IpAddressValue address)
    {
        address = default;
        if (text.Length == 0 || text.Length > 64)
        {
            return false;
        }

        if (V4Shape().IsMatch(text))
        {
            return TryParseV4(text, out address);
        }

        return V6Shape().IsMatch(text) && TryParseV6(text, out address);
    }

    /// <summary>True when the text has the shape of an address (whether or not it then parses).</summary>
    public static bool LooksLikeAddress(string text) => text.Length <= 64 && (V4Shape().IsMatch(text) || V6Shape().IsMatch(text));

    private static bool TryParseV4(string text, out IpAddressValue address)
    {
        address = default;
        uint value = 0;
        foreach (var part in text.Split('.'))
        {
            var trimmed = part.TrimStart('0');
            if (trimmed.Length > 3)
            {
                return false;
            }

            var octet = trimmed.Length == 0 ? 0 : int.Parse(trimmed, System.Globalization.CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
        }

        address = new IpAddressValue(false, value);
        return true;
    }

    private static bool TryParseV6(string text, out IpAddressValue address)
    {
        address = default;
        var doubleColon = text.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && text.IndexOf("::", doubleColon + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        string[] head;
        string[] tail;
        if (doubleColon >= 0)
        {
            var left = text[..doubleColon];
            var right = text[(doubleColon + 2)..];
            head = left.Length == 0 ? [] : left.Split(':');
            tail = right.Length == 0 ? [] : right.Split(':');
            if (head.Length + tail.Length > 7)
            {
                return false;
            }
        }
        else
        {
            head = text.Split(':');
            tail = [];
            if (head.Length != 8)
            {
                return false;
            }
        }

        UInt128 value = 0;
        var groups = 0;
        foreach (var group in head)
        {
            if (!TryGroup(group, out var g))
            {
                return false;
            }

            value = (value << 16) | g;
            groups++;
        }

        var gap = 8 - groups - tail.Length;
        value <<= 16 * gap;
        foreach (var group in tail)
        {
            if (!TryGroup(group, out var g))
            {
                return false;
            }

            value = (value << 16) | g;
        }

        // Java returns an Inet4Address for ::ffff:a.b.c.d written in hex.
        address = (value >> 32) == 0xFFFF ? new IpAddressValue(false, value & 0xFFFF_FFFF) : new IpAddressValue(true, value);
        return true;
    }

    private static bool TryGroup(string group, out uint value)
    {
        value = 0;
        if (group.Length is 0 or > 4)
        {
            return false;
        }

        return uint.TryParse(group, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex V4Shape();

    [GeneratedRegex("^[0-9a-fA-F:]*:[0-9a-fA-F:]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex V6Shape();
}
