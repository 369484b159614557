namespace PolicyGate.Iam.Text;

/// <summary>
/// An ARN (or ARN pattern) split into its six fields: <c>arn:partition:service:region:account:resource</c>.
/// Colons inside policy variables (<c>${aws:username}</c>) do not split, and the resource field keeps its own
/// colons. Each field keeps its offset in the text so findings can point at the field itself.
/// </summary>
public sealed record Arn(string Text, string Prefix, string Partition, string Service, string Region, string Account, string Resource)
{
    /// <summary>Offsets of the six fields in <see cref="Text"/>.</summary>
    public required int[] FieldStarts { get; init; }

    public int PartitionStart => FieldStarts[1];

    public int ServiceStart => FieldStarts[2];

    public int RegionStart => FieldStarts[3];

    public int AccountStart => FieldStarts[4];

    public int ResourceStart => FieldStarts[5];

    /// <summary>How many colon-separated fields the text has (at most 6); below 6 it is not an ARN.</summary>
    public static int FieldCount(string text) => Split(text).Count;

    /// <summary>Parses text with at least six fields; the first need not be "arn" (the caller checks the prefix).</summary>
    public static Arn? TryParse(string text)
    {
        var starts = Split(text);
        if (starts.Count < 6)
        {
            return null;
        }

        string Field(int i) => text[starts[i]..(i + 1 < starts.Count ? starts[i + 1] - 1 : text.Length)];
        return new Arn(text, Field(0), Field(1), Field(2), Field(3), Field(4), Field(5)) { FieldStarts = [.. starts] };
    }

    /// <summary>The start offsets of the fields: split at the first five colons outside <c>${...}</c>.</summary>
    private static List<int> Split(string text)
    {
        var starts = new List<int>(6) { 0 };
        var depth = 0;
        for (var i = 0; i < text.Length && starts.Count < 6; i++)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (c == ':' && depth == 0)
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
