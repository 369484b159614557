using System.Globalization;
using System.Text.RegularExpressions;
using PolicyGate.Documents;
using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>What condition values look like for each operator family.</summary>
public static partial class ConditionValues
{
    public static bool IsBoolean(PolicyValue value) =>
        value.JsonKind == ScalarKind.Boolean || value.Text.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Text.Equals("false", StringComparison.OrdinalIgnoreCase);

    public static bool IsNumber(PolicyValue value) =>
        value.JsonKind == ScalarKind.Number || decimal.TryParse(value.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>An ISO 8601 date or date-time, or epoch seconds.</summary>
    public static bool IsIsoDate(PolicyValue value) => value.JsonKind == ScalarKind.Number || IsoDatePattern().IsMatch(value.Text) || EpochPattern().IsMatch(value.Text);

    /// <summary>Something a reader would take for a date, in any common form (or epoch seconds).</summary>
    public static bool IsDateLike(PolicyValue value) =>
        IsIsoDate(value) || DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _);

    public static bool IsBase64(PolicyValue value)
    {
        var text = value.Text;
        if (text.Length == 0 || text.Length % 4 != 0 || text.Length > 1_000_000)
        {
            return false;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    /// <summary>An id of the form prefix + 8 or 17 lower-case letters and digits (vpc-1a2b3c4d).</summary>
    public static bool IsResourceId(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && text.Length - prefix.Length is 8 or 17 && text[prefix.Length..].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex EpochPattern();
}
