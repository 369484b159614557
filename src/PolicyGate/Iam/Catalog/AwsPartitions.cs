using System.Text.RegularExpressions;

namespace PolicyGate.Iam.Catalog;

/// <summary>
/// AWS partitions and the shape of their region names (facts from the SDKs' partition data). Regions are
/// recognised by shape, so a region launched after this release is still accepted.
/// </summary>
public static partial class AwsPartitions
{
    public static readonly string[] Names = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    public static bool IsPartition(string text) => Names.Contains(text, StringComparer.Ordinal);

    public static bool IsRegion(string text) => RegionPattern().IsMatch(text);

    [GeneratedRegex("^((us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-[0-9]+|cn-[a-z]+-[0-9]+|us-gov-[a-z]+-[0-9]+|us-iso-[a-z]+-[0-9]+|us-isob-[a-z]+-[0-9]+|eu-isoe-[a-z]+-[0-9]+|us-isof-[a-z]+-[0-9]+|eusc-de-[a-z]+-[0-9]+)$")]
    private static partial Regex RegionPattern();
}
