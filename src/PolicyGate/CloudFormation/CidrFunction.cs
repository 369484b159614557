using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Fn::Cidr [ipBlock, count, cidrBits]: the first <c>count</c> subnets of <c>ipBlock</c>, each with
/// <c>cidrBits</c> host bits (so a /24 block with 5 bits gives /27 subnets), IPv4 or IPv6.
/// </summary>
internal static class CidrFunction
{
    public static Node Evaluate(IntrinsicResolver resolver, ObjectNode call, Node argument, Bindings bindings)
    {
        if (argument is not ArrayNode { Items.Length: 3 } args)
        {
            return resolver.Invalid(call, "Fn::Cidr takes [ipBlock, count, cidrBits]");
        }

        var block = resolver.KnownString(args.Items[0], bindings, "Fn::Cidr", "the IP block", call);
        var countText = resolver.KnownString(args.Items[1], bindings, "Fn::Cidr", "the count", call);
        var bitsText = resolver.KnownString(args.Items[2], bindings, "Fn::Cidr", "the cidrBits", call);
        if (block is null || countText is null || bitsText is null)
        {
            return UnknownValues.Scalar(call, "Cidr", "an argument of Fn::Cidr is not known offline");
        }

        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 256)
        {
            return resolver.Invalid(args.Items[1], $"the count of Fn::Cidr must be 1 to 256, not \"{countText}\"");
        }

        var slash = block.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(block[..slash], out var address)
                      || !int.TryParse(block[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            return resolver.Invalid(args.Items[0], $"\"{block}\" is not a CIDR block such as 10.0.0.0/16");
        }

        var width = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (!int.TryParse(bitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits < 1 || bits > width - prefix || prefix > width)
        {
            return resolver.Invalid(args.Items[2], $"cidrBits \"{bitsText}\" does not fit in {block} (at most {Math.Max(0, width - prefix)})");
        }

        var subnetPrefix = width - bits;
        var available = subnetPrefix - prefix >= 31 ? int.MaxValue : 1 << (subnetPrefix - prefix);
        if (count > available)
        {
            return resolver.Invalid(args.Items[1], $"{block} holds only {available} subnets of /{subnetPrefix}, not {count}");
        }

        var start = ToNumber(address) & Mask(width, prefix);
        var items = ImmutableArray.CreateBuilder<Node>(count);
        for (var i = 0; i < count; i++)
        {
            var subnet = start + ((UInt128)(uint)i << bits);
            var text = $"{FromNumber(subnet, width)}/{subnetPrefix}";
            items.Add(new ScalarNode(call.File, call.Span, ScalarKind.String, text, ScalarStyle.Synthesized));
        }

        return new ArrayNode(call.File, call.Span, items.MoveToImmutable());
    }

    private static UInt128 Mask(int width, int prefix) =>
        prefix == 0 ? 0 : (UInt128.MaxValue << (128 - prefix)) >> (128 - width);

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 value = 0;
        foreach (var b in address.GetAddressBytes())
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static string FromNumber(UInt128 value, int width)
    {
        var bytes = new byte[width / 8];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }
}
