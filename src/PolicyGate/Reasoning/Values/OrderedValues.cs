using System.Globalization;

namespace PolicyGate.Reasoning.Values;

/// <summary>Numbers and dates as IAM's Numeric and Date operators read them.</summary>
public static class OrderedValues
{
    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>An ISO 8601 date or date-time (UTC unless an offset is given), or epoch seconds; the result is UTC ticks.</summary>
    public static bool TryParseDate(string text, out long ticks)
    {
        ticks = 0;
        var trimmed = text.Trim();
        if (trimmed.Length is > 0 and <= 12 && trimmed.All(char.IsAsciiDigit))
        {
            ticks = DateTimeOffset.FromUnixTimeSeconds(long.Parse(trimmed, CultureInfo.InvariantCulture)).UtcTicks;
            return true;
        }

        if (trimmed.Length < 10 || !char.IsAsciiDigit(trimmed[0]))
        {
            return false;
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            ticks = parsed.UtcTicks;
            return true;
        }

        return false;
    }

    public static string FormatNumber(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatDate(long ticks) =>
        new DateTimeOffset(Math.Clamp(ticks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture).Replace(".Z", "Z", StringComparison.Ordinal);

    /// <summary>The comparison of a request value with a policy value, both numbers or both dates.</summary>
    public static bool Compare<T>(T request, T policy, Comparison comparison)
        where T : IComparable<T>
    {
        var c = request.CompareTo(policy);
        return comparison switch
        {
            Comparison.Equal => c == 0,
            Comparison.Less => c < 0,
            Comparison.LessOrEqual => c <= 0,
            Comparison.Greater => c > 0,
            Comparison.GreaterOrEqual => c >= 0,
            _ => false,
        };
    }
}
