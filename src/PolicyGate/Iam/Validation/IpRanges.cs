using System.Net;
using System.Net.Sockets;

namespace PolicyGate.Iam.Validation;

/// <summary>IP addresses and CIDR ranges as IAM's IpAddress operators read them.</summary>
public static class IpRanges
{
    private static readonly IPNetwork[] Private =
    [
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("::1/128"),
    ];

    /// <summary>
    /// Parses an address or CIDR range. <paramref name="normalized"/> is the range with the host bits cleared
    /// when the text sets bits after the mask (AWS ignores them), else null.
    /// </summary>
    public static bool TryParse(string text, out IPNetwork network, out string? normalized)
    {
        normalized = null;
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal)
            || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length) || length > max))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var masked = (byte[])bytes.Clone();
        for (var bit = length; bit < max; bit++)
        {
            masked[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        var baseAddress = new IPAddress(masked);
        network = new IPNetwork(baseAddress, length);
        if (!bytes.AsSpan().SequenceEqual(masked))
        {
            normalized = $"{baseAddress}/{length}";
        }

        return true;
    }

    /// <summary>True when every address of the range is private (RFC 1918, loopback, link-local, unique local).</summary>
    public static bool IsPrivate(IPNetwork network) =>
        Private.Any(p => p.BaseAddress.AddressFamily == network.BaseAddress.AddressFamily && p.PrefixLength <= network.PrefixLength && p.Contains(network.BaseAddress));
}
