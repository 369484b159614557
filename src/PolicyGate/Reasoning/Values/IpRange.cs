using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace PolicyGate.Reasoning.Values;

/// <summary>An address as a number on its family's line (IPv4: 32 bits, IPv6: 128 bits).</summary>
public readonly record struct IpPoint(bool V6, UInt128 Value)
{
    public static bool TryParse(string text, out IpPoint point)
    {
        point = default;
        var trimmed = text.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal) || trimmed.Contains('%', StringComparison.Ordinal)
            || !IPAddress.TryParse(trimmed, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && trimmed.Count(c => c == '.') != 3))
        {
            return false;
        }

        point = new IpPoint(address.AddressFamily == AddressFamily.InterNetworkV6, ToNumber(address.GetAddressBytes()));
        return true;
    }

    public override string ToString()
    {
        var bytes = new byte[V6 ? 16 : 4];
        var v = Value;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(v & 0xFF);
            v >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }

    internal static UInt128 ToNumber(byte[] bytes)
    {
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}

/// <summary>A CIDR range as the inclusive interval of addresses it holds.</summary>
public readonly record struct IpRange(bool V6, UInt128 First, UInt128 Last, int PrefixLength)
{
    public static bool TryParse(string text, out IpRange range)
    {
        range = default;
        if (!Iam.Validation.IpRanges.TryParse(text.Trim(), out var network, out _))
        {
            return false;
        }

        var v6 = network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;
        var bits = v6 ? 128 : 32;
        var first = IpPoint.ToNumber(network.BaseAddress.GetAddressBytes());
        var hostBits = bits - network.PrefixLength;
        var size = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        range = new IpRange(v6, first, first + size, network.PrefixLength);
        return true;
    }

    public static UInt128 LastAddress(bool v6) => v6 ? UInt128.MaxValue : uint.MaxValue;

    public bool Contains(IpPoint point) => point.V6 == V6 && point.Value >= First && point.Value <= Last;

    public BigInteger Size => (BigInteger)(Last - First) + 1;
}
