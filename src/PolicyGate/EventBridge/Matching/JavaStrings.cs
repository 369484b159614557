using System.Text;

namespace PolicyGate.EventBridge.Matching;

/// <summary>
/// EventBridge compares strings as the UTF-8 bytes Java produces for them. Java encodes an unpaired
/// surrogate as '?', so two strings that differ only there compare equal; normalizing both pattern and
/// event text the same way keeps every comparison byte-faithful.
/// </summary>
public static class JavaStrings
{
    public static string Normalize(string text)
    {
        var i = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        for (var k = i; k < text.Length; k++)
        {
            var c = text[k];
            if (char.IsHighSurrogate(c) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
            {
                k++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                builder ??= new StringBuilder(text);
                builder[k] = '?';
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>The offset in UTF-8 bytes of a UTF-16 index, as event-ruler reports positions.</summary>
    public static int Utf8Offset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));
}
