using System.Text.RegularExpressions;

namespace PolicyGate.Iam.Validation;

/// <summary>Finds documentation placeholders left in a value: &lt;bucket-name&gt;, &lt;organization-id&gt;, &lt;ACCOUNT_ID&gt;.</summary>
public static partial class Placeholders
{
    public static string? Find(string text) => PlaceholderPattern().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex("<[A-Za-z][A-Za-z0-9 _.-]{0,60}>")]
    private static partial Regex PlaceholderPattern();
}
