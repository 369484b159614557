using System.Globalization;

namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// Numbers as EventBridge compares them: a number takes part in numeric comparison only when its text is
/// exactly the shortest decimal form of the float64 it rounds to (3.8 and 1E-320 do; 1e400,
/// 0.1000000000000000055511151231257827 and 12345678901234567890 do not). Other numbers keep only
/// their text.
/// </summary>
public static class Float64Text
{
    public static bool TryGetComparable(string text, out double value)
    {
        value = 0;
        if (!TryNormalize(text.AsSpan(), out var textDigits, out var textExponent, out var textNegative))
        {
            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return false;
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        if (!TryNormalize(shortest.AsSpan(), out var digits, out var exponent, out var negative))
        {
            return false;
        }

        if (digits.Length == 0 || textDigits.Length == 0)
        {
            // Zero of either sign equals zero, as BigDecimal.compareTo has it.
            return digits.Length == 0 && textDigits.Length == 0;
        }

        return negative == textNegative && exponent == textExponent && digits.SequenceEqual(textDigits);
    }

    /// <summary>
    /// Splits a JSON number into its significant digits (no leading or trailing zeros) and the decimal
    /// exponent of the last of them. False for text that is not a JSON number.
    /// </summary>
    private static bool TryNormalize(ReadOnlySpan<char> text, out string digits, out long exponent, out bool negative)
    {
        digits = string.Empty;
        exponent = 0;
        negative = false;
        var i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }

        var all = new System.Text.StringBuilder();
        var fractionDigits = 0;
        var sawDigit = false;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            all.Append(text[i++]);
            sawDigit = true;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                all.Append(text[i++]);
                fractionDigits++;
                sawDigit = true;
            }
        }

        if (!sawDigit)
        {
            return false;
        }

        long explicitExponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && text[i] is '+' or '-')
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                // Saturate: such exponents make the number infinite or zero anyway.
                explicitExponent = Math.Min(explicitExponent * 10 + (text[i] - '0'), 1_000_000_000);
                i++;
            }

            if (i == start)
            {
                return false;
            }

            explicitExponent = exponentNegative ? -explicitExponent : explicitExponent;
        }

        if (i != text.Length)
        {
            return false;
        }

        var s = all.ToString();
        var first = 0;
        while (first < s.Length && s[first] == '0')
        {
            first++;
        }

        var last = s.Length;
        while (last > first && s[last - 1] == '0')
        {
            last--;
        }

        digits = s[first..last];
        exponent = explicitExponent - fractionDigits + (s.Length - last);
        return true;
    }
}
