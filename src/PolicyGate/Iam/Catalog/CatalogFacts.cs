using System.Collections.Immutable;

namespace PolicyGate.Iam.Catalog;

/// <summary>The value types IAM documents for condition keys; the <c>ArrayOf</c> types are multi-valued.</summary>
public enum ConditionKeyType
{
    Unknown,
    String,
    ArrayOfString,
    Arn,
    ArrayOfArn,
    Bool,
    ArrayOfBool,
    Numeric,
    ArrayOfNumeric,
    Date,
    ArrayOfDate,
    IpAddress,
    ArrayOfIpAddress,
    Binary,
}

public static class ConditionKeyTypes
{
    public static ConditionKeyType Parse(string text) =>
        Enum.TryParse<ConditionKeyType>(text.Replace("ARN", "Arn", StringComparison.Ordinal).Replace("IPAddress", "IpAddress", StringComparison.Ordinal), out var type)
            ? type
            : ConditionKeyType.Unknown;

    public static bool IsMultiValued(this ConditionKeyType type) => type is ConditionKeyType.ArrayOfString or ConditionKeyType.ArrayOfArn
        or ConditionKeyType.ArrayOfBool or ConditionKeyType.ArrayOfNumeric or ConditionKeyType.ArrayOfDate or ConditionKeyType.ArrayOfIpAddress;

    /// <summary>The single-value type of a multi-valued type (ArrayOfString → String).</summary>
    public static ConditionKeyType ElementType(this ConditionKeyType type) => type switch
    {
        ConditionKeyType.ArrayOfString => ConditionKeyType.String,
        ConditionKeyType.ArrayOfArn => ConditionKeyType.Arn,
        ConditionKeyType.ArrayOfBool => ConditionKeyType.Bool,
        ConditionKeyType.ArrayOfNumeric => ConditionKeyType.Numeric,
        ConditionKeyType.ArrayOfDate => ConditionKeyType.Date,
        ConditionKeyType.ArrayOfIpAddress => ConditionKeyType.IpAddress,
        _ => type,
    };
}

/// <summary>The access levels of the Service Authorization Reference; an action may have several.</summary>
[Flags]
public enum AccessLevel
{
    None = 0,
    Read = 1,
    Write = 2,
    List = 4,
    Tagging = 8,
    PermissionsManagement = 16,
}

/// <summary>
/// A condition key as the catalog names it. A name with a template part (<c>aws:RequestTag/${TagKey}</c>,
/// <c>aws:PrincipalTag/tag-key</c>) stands for every key with that prefix and a non-empty suffix.
/// </summary>
public sealed record ConditionKeyInfo(string Name, ConditionKeyType Type)
{
    /// <summary>For a templated name, the fixed part up to and including the slash; null otherwise.</summary>
    public string? TemplatePrefix { get; } = TemplateStart(Name) is var i and >= 0 ? Name[..i] : null;

    public bool IsTemplate => TemplatePrefix is not null;

    public bool IsMultiValued => Type.IsMultiValued();

    /// <summary>Whether a key as written in a policy is this key (case-insensitive, as IAM compares key names).</summary>
    public bool Matches(string key) => TemplatePrefix is { } prefix
        ? key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        : key.Equals(Name, StringComparison.OrdinalIgnoreCase);

    private static int TemplateStart(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return -1;
        }

        var rest = name[(slash + 1)..];
        return rest.StartsWith("${", StringComparison.Ordinal) || rest.StartsWith('<') || rest is "tag-key" ? slash + 1 : -1;
    }
}

/// <summary>A resource type of a service with its ARN format, for example <c>arn:${Partition}:s3:::${BucketName}</c>.</summary>
public sealed record ResourceTypeInfo(string Name, string ArnFormat, ImmutableArray<string> ConditionKeys)
{
    private readonly string[] _fields = ArnFormat.Split(':', 6);

    /// <summary>The region field of the format is not empty (the service puts a region in this ARN).</summary>
    public bool HasRegion => _fields.Length > 3 && _fields[3].Length > 0;

    /// <summary>The account field of the format is not empty.</summary>
    public bool HasAccount => _fields.Length > 4 && _fields[4].Length > 0;

    /// <summary>The resource part of the format (after the fifth colon).</summary>
    public string ResourcePart => _fields.Length > 5 ? _fields[5] : string.Empty;

    /// <summary>The service field of the format.</summary>
    public string ArnService => _fields.Length > 2 ? _fields[2] : string.Empty;
}

/// <summary>A resource type an action can act on; <see cref="Required"/> as the Service Authorization Reference marks it.</summary>
public sealed record ActionResourceType(string Name, bool Required);

/// <summary>An action: its service, its name as AWS writes it, access level, resource types and the condition keys it supports.</summary>
public sealed record ActionInfo(string Service, string Name, AccessLevel Level, ImmutableArray<ActionResourceType> ResourceTypes, ImmutableArray<ConditionKeyInfo> ConditionKeys)
{
    public string FullName => $"{Service}:{Name}";

    /// <summary>Whether the Service Authorization Reference lists the key for this action (or for one of its resource types).</summary>
    public bool SupportsConditionKey(string key)
    {
        foreach (var info in ConditionKeys)
        {
            if (info.Matches(key))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One AWS service (an action prefix) with everything the catalog knows about it.</summary>
public sealed record ServiceInfo(
    string Prefix,
    bool SupportsResourceControlPolicies,
    IReadOnlyDictionary<string, ActionInfo> Actions,
    ImmutableArray<ResourceTypeInfo> ResourceTypes,
    ImmutableArray<ConditionKeyInfo> ConditionKeys)
{
    public ActionInfo? Action(string name) => Actions.GetValueOrDefault(name);

    /// <summary>The service's condition key that a key as written in a policy names, or null.</summary>
    public ConditionKeyInfo? ConditionKey(string key)
    {
        foreach (var info in ConditionKeys)
        {
            if (info.Matches(key))
            {
                return info;
            }
        }

        return null;
    }
}

/// <summary>
/// A family of condition keys given by a regular expression (codebuild:secondaryArtifacts/NAME.location) and the
/// templated key it stands for. The expression is compiled on first use: most runs never need it.
/// </summary>
public sealed class ConditionKeyPattern(string service, string pattern, string template)
{
    private readonly Lazy<System.Text.RegularExpressions.Regex> _regex = new(() => new System.Text.RegularExpressions.Regex(
        "^(?:" + pattern + ")$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200)));

    public string Service { get; } = service;

    public string Template { get; } = template;

    public bool Matches(string key)
    {
        try
        {
            return _regex.Value.IsMatch(key);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
