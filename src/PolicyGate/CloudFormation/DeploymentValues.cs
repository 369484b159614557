using System.Collections.Immutable;
using PolicyGate.Config;

namespace PolicyGate.CloudFormation;

/// <summary>
/// The values of CloudFormation's pseudo parameters for one template, offline. Partition and URL suffix
/// follow the region (botocore's partition table: region prefix to partition and DNS suffix).
/// </summary>
public sealed record DeploymentValues(
    string AccountId,
    string Region,
    string Partition,
    string UrlSuffix,
    string StackName,
    string StackId,
    ImmutableArray<string>? NotificationArns)
{
    /// <summary>Every pseudo parameter CloudFormation defines (AWS::NoValue included).</summary>
    public static readonly ImmutableArray<string> PseudoParameterNames =
    [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ];

    /// <summary>The stack id's unique part is made at deploy time; this fixed one keeps output deterministic.</summary>
    public const string PlaceholderStackGuid = "00000000-0000-0000-0000-000000000000";

    public static DeploymentValues For(PseudoParameterSettings settings, string templatePath)
    {
        var partition = settings.Partition ?? PartitionOf(settings.Region);
        var stackName = settings.StackName ?? StackNameFromPath(templatePath);
        return new DeploymentValues(
            settings.AccountId,
            settings.Region,
            partition,
            settings.UrlSuffix ?? UrlSuffixOf(partition),
            stackName,
            settings.StackId ?? $"arn:{partition}:cloudformation:{settings.Region}:{settings.AccountId}:stack/{stackName}/{PlaceholderStackGuid}",
            settings.NotificationArns);
    }

    /// <summary>The partition of a region, by its prefix; commercial <c>aws</c> for anything else.</summary>
    public static string PartitionOf(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ when region.StartsWith("us-isof-", StringComparison.Ordinal) => "aws-iso-f",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
        _ when region.StartsWith("eu-isoe-", StringComparison.Ordinal) => "aws-iso-e",
        _ when region.StartsWith("eusc-", StringComparison.Ordinal) => "aws-eusc",
        _ => "aws",
    };

    /// <summary>The DNS suffix of a partition (AWS::URLSuffix).</summary>
    public static string UrlSuffixOf(string partition) => partition switch
    {
        "aws-cn" => "amazonaws.com.cn",
        "aws-iso" => "c2s.ic.gov",
        "aws-iso-b" => "sc2s.sgov.gov",
        "aws-iso-e" => "cloud.adc-e.uk",
        "aws-iso-f" => "csp.hci.ic.gov",
        "aws-eusc" => "amazonaws.eu",
        _ => "amazonaws.com",
    };

    /// <summary>
    /// The default stack name: the template's file name without extension when it is a valid stack name
    /// (a letter, then letters, digits and hyphens), else "stack". Deterministic and usually what people deploy.
    /// </summary>
    public static string StackNameFromPath(string templatePath)
    {
        var name = Path.GetFileName(templatePath);
        foreach (var suffix in new[] { ".template.json", ".template.yaml", ".template.yml", ".json", ".yaml", ".yml", ".template" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        var valid = name.Length is > 0 and <= 128 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
        return valid ? name : "stack";
    }
}
