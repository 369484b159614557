using System.Text;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Text;

namespace PolicyGate.Iam.Validation;

/// <summary>What the ARN checks share: which parts of an ARN are plain text, and the service's ARN formats as globs.</summary>
public static class ResourceArns
{
    /// <summary>True when the field at <paramref name="start"/> is known literal text (no wildcard, variable or unknown part).</summary>
    public static bool IsPlainField(ResourceItem item, int start, string field)
    {
        if (item.Value.IsUnknown || field.Contains('*', StringComparison.Ordinal) || field.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        var end = start + field.Length;
        foreach (var segment in item.Pattern.Segments)
        {
            var overlaps = segment.Start < end && segment.Start + segment.Length > start;
            if (overlaps && segment.Kind != SegmentKind.Literal)
            {
                return false;
            }
        }

        return !field.Contains("${", StringComparison.Ordinal);
    }

    public static bool IsArnService(IamCatalog catalog, string service) => catalog.IsArnService(service);

    public static IReadOnlyList<ResourceTypeInfo> TypesOf(IamCatalog catalog, string arnService) => catalog.ResourceTypesForArnService(arnService);

    /// <summary>The resource part of a resource ARN as a glob; variables and unknown parts may be anything.</summary>
    public static Glob ResourceGlob(ResourceItem item)
    {
        var start = item.Arn!.ResourceStart;
        var text = new StringBuilder();
        foreach (var segment in item.Pattern.Segments)
        {
            var end = segment.Start + segment.Length;
            if (end <= start)
            {
                continue;
            }

            switch (segment.Kind)
            {
                case SegmentKind.Literal:
                    var from = Math.Max(0, start - segment.Start);
                    foreach (var c in segment.Text.AsSpan(Math.Min(from, segment.Text.Length)))
                    {
                        // A literal * or ? (written ${*} / ${?}) is matched as any character here: close enough for a format test.
                        text.Append(c);
                    }

                    break;
                case SegmentKind.AnyChar:
                    text.Append('?');
                    break;
                default:
                    text.Append('*');
                    break;
            }
        }

        return Glob.Parse(text.ToString(), ignoreCase: false);
    }

    /// <summary>A resource type's ARN resource part with each ${Placeholder} read as *.</summary>
    public static Glob FormatGlob(ResourceTypeInfo type)
    {
        var part = type.ResourcePart;
        var text = new StringBuilder();
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '$' && i + 1 < part.Length && part[i + 1] == '{' && part.IndexOf('}', i) is var close and > 0)
            {
                text.Append('*');
                i = close;
            }
            else
            {
                text.Append(part[i]);
            }
        }

        return Glob.Parse(text.ToString(), ignoreCase: false);
    }

    /// <summary>The ARN services a resource policy of the given CloudFormation/Access Analyzer type can govern; empty when not checked.</summary>
    public static string[] ServicesGovernedBy(string? resourceType) => resourceType switch
    {
        "AWS::S3::Bucket" or "AWS::S3::BucketPolicy" or "AWS::S3::AccessPoint" or "AWS::S3::MultiRegionAccessPoint" => ["s3"],
        "AWS::S3ObjectLambda::AccessPoint" => ["s3-object-lambda"],
        "AWS::S3Express::DirectoryBucket" => ["s3express"],
        "AWS::DynamoDB::Table" or "AWS::DynamoDB::Stream" => ["dynamodb"],
        _ => [],
    };

    /// <summary>
    /// True when the resource part could start like one of the types' formats. Only the leading type token
    /// (text before the first '/' or ':') is compared: formats in the catalog do not cover every ARN form a
    /// service accepts beyond it (API Gateway paths, for example), so deeper mismatches are not reported.
    /// </summary>
    public static bool MatchesSomeTypeToken(ResourceItem item, IReadOnlyList<ResourceTypeInfo> types)
    {
        var tokens = TypeTokens(types).ToList();
        if (tokens.Count == 0 || tokens.Any(t => t.Length == 0))
        {
            return true;
        }

        tokens.AddRange(UndocumentedTypeTokens(item.Arn!.Service));
        var (token, open) = LeadingToken(item);
        return open ? tokens.Any(t => t.StartsWith(token, StringComparison.Ordinal)) : tokens.Contains(token, StringComparer.Ordinal);
    }

    /// <summary>
    /// ARN forms AWS uses that the Service Authorization Reference does not list as resource types: CloudFormation
    /// transforms (arn:aws:cloudformation:REGION:aws:transform/NAME) and WAF Classic change tokens.
    /// </summary>
    private static string[] UndocumentedTypeTokens(string service) => service switch
    {
        "cloudformation" => ["transform"],
        "waf" or "waf-regional" => ["changetoken"],
        _ => [],
    };

    /// <summary>The distinct leading tokens of the formats (empty when a format starts with a placeholder or '/').</summary>
    public static IEnumerable<string> TypeTokens(IReadOnlyList<ResourceTypeInfo> types) =>
        types.Select(t => t.ResourcePart)
            .Select(p => p[..Math.Max(0, new[] { p.IndexOf('/'), p.IndexOf(':'), p.IndexOf("${", StringComparison.Ordinal), p.Length }.Where(i => i >= 0).Min())])
            .Distinct(StringComparer.Ordinal);

    /// <summary>The policy resource part up to the first '/' or ':'; open when a wildcard, variable or unknown part comes first.</summary>
    private static (string Token, bool Open) LeadingToken(ResourceItem item)
    {
        var start = item.Arn!.ResourceStart;
        var token = new StringBuilder();
        foreach (var segment in item.Pattern.Segments)
        {
            if (segment.Start + segment.Length <= start)
            {
                continue;
            }

            if (segment.Kind != SegmentKind.Literal)
            {
                return (token.ToString(), true);
            }

            foreach (var c in segment.Text.AsSpan(Math.Max(0, Math.Min(start - segment.Start, segment.Text.Length))))
            {
                if (c is '/' or ':')
                {
                    return (token.ToString(), false);
                }

                token.Append(c);
            }
        }

        return (token.ToString(), false);
    }

    /// <summary>
    /// True for ARNs that can name resources AWS owns and shares without an account (public SSM documents and
    /// parameters, AWS managed views, resources named AWS...): such ARNs legitimately leave the account empty.
    /// </summary>
    public static bool MayBeAwsOwned(Arn arn) =>
        arn.Service is "ssm" or "resource-explorer-2" or "ec2"
        || arn.Resource.Split('/', ':').Skip(1).FirstOrDefault() is { } name && name.StartsWith("AWS", StringComparison.OrdinalIgnoreCase);
}
