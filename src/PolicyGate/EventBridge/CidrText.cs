using System.Globalization;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge;

/// <summary>An address range from {"cidr": "a/n"}, read with EventBridge's checks and messages.</summary>
public readonly record struct CidrRange(bool IsV6, UInt128 Lower, UInt128 Upper)
{
    public int Bits => IsV6 ? 128 : 32;
}

public static class CidrText
{
    public static CidrRange? Parse(string text, out string? error)
    {
        error = null;

        // Java's String.split drops trailing empty parts: "10.0.0.0/24/" has two parts.
        var parts = text.Split('/').ToList();
        while (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count != 2)
        {
            error = "Malformed CIDR, one '/' required";
            return null;
        }

        if (!int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var mask))
        {
            error = "Malformed CIDR, mask bits must be an integer";
            return null;
        }

        if (mask < 0)
        {
            error = "Malformed CIDR, mask bits must not be negative";
            return null;
        }

        if (!IpAddressValue.LooksLikeAddress(parts[0]))
        {
            error = $"Nonstandard IP address: {parts[0]}";
            return null;
        }

        if (!IpAddressValue.TryParse(parts[0], out var address))
        {
            error = $"Invalid IP address: {parts[0]}";
            return null;
        }

        if (!address.IsV6 && mask > 31)
        {
            error = "IPv4 mask bits must be < 32";
            return null;
        }

        if (address.IsV6 && mask > 127)
        {
            error = "IPv6 mask bits must be < 128";
            return null;
        }

        var hostBits = address.Bits - mask;
        var hostMask = hostBits == 0 ? UInt128.Zero : (UInt128.One << hostBits) - 1;
        return new CidrRange(address.IsV6, address.Value & ~hostMask, address.Value | hostMask);
    }
}
