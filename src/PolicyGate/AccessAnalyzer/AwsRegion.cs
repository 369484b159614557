using System.Text.RegularExpressions;

namespace PolicyGate.AccessAnalyzer;

/// <summary>A region name checked to be one (it becomes part of a host name, so nothing else may pass).</summary>
public sealed partial record AwsRegion
{
    private AwsRegion(string name) => Name = name;

    public string Name { get; }

    public AwsPartition Partition => AwsPartition.ForRegion(Name);

    public static AwsRegion Parse(string text) =>
        TryParse(text, out var region)
            ? region
            : throw new ArgumentException($"\"{text}\" is not an AWS region name such as us-east-1, eu-west-2, cn-north-1 or us-gov-west-1");

    public static bool TryParse(string? text, out AwsRegion region)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        region = new AwsRegion(trimmed);
        return RegionPattern().IsMatch(trimmed);
    }

    public override string ToString() => Name;

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();
}
