using System.Collections.Immutable;
using System.Text;

namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// A wildcard pattern: '*' matches any run of characters (including none); '\*' is a literal star and
/// '\\' a literal backslash. Any other backslash, a trailing backslash, or two stars in a row is rejected
/// with event-ruler's message, whose position counts UTF-8 bytes from the opening quote of the value.
/// </summary>
public sealed class WildcardText
{
    private WildcardText(string pattern, ImmutableArray<string> literals, bool leadingStar, bool trailingStar)
    {
        Pattern = pattern;
        Literals = literals;
        LeadingStar = leadingStar;
        TrailingStar = trailingStar;
    }

    public string Pattern { get; }

    /// <summary>The literal runs between stars, unescaped (empty runs only at the ends).</summary>
    public ImmutableArray<string> Literals { get; }

    public bool LeadingStar { get; }

    public bool TrailingStar { get; }

    public int StarCount => Literals.Length - 1;

    /// <summary>The literal text when the pattern has no star at all.</summary>
    public string? ExactText => StarCount == 0 ? Literals[0] : null;

    /// <summary>Parses a wildcard value; on failure returns null and event-ruler's message.</summary>
    public static WildcardText? Parse(string pattern, out string? error)
    {
        error = null;
        var literals = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    error = $"Consecutive wildcard characters at pos {BytePosition(pattern, i)}";
                    return null;
                }

                literals.Add(current.ToString());
                current.Clear();
            }
            else if (c == '\\')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
                {
                    current.Append(pattern[i + 1]);
                    i++;
                    continue;
                }

                error = $"Invalid escape character at pos {BytePosition(pattern, i)}";
                return null;
            }
            else
            {
                current.Append(c);
            }
        }

        literals.Add(current.ToString());
        var parts = literals.ToImmutable();
        return new WildcardText(pattern, parts, parts.Length > 1 && parts[0].Length == 0, parts.Length > 1 && parts[^1].Length == 0);
    }

    /// <summary>Whether the whole value matches.</summary>
    public bool Matches(string value)
    {
        var first = Literals[0];
        if (Literals.Length == 1)
        {
            return string.Equals(value, first, StringComparison.Ordinal);
        }

        var last = Literals[^1];
        if (value.Length < first.Length + last.Length
            || !value.AsSpan().StartsWith(first, StringComparison.Ordinal)
            || !value.AsSpan().EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        // Middle runs: leftmost placement of each run is optimal for a star-separated glob.
        var position = first.Length;
        var limit = value.Length - last.Length;
        for (var i = 1; i < Literals.Length - 1; i++)
        {
            var run = Literals[i];
            var found = value.AsSpan(position, limit - position).IndexOf(run, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position += found + run.Length;
        }

        return true;
    }

    /// <summary>Position as event-ruler reports it: UTF-8 bytes before the character, plus one for the opening quote.</summary>
    private static int BytePosition(string pattern, int index) => JavaStrings.Utf8Offset(pattern, index) + 1;
}
