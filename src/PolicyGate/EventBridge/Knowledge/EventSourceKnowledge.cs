using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>
/// What is known about one event field: the values it takes (<see cref="Closed"/> when the list is
/// complete) and its JSON type ("string", "number", "boolean", "object", or "host" for CloudTrail's
/// eventSource host names).
/// </summary>
public sealed record FieldSpec(ImmutableArray<string> Values, bool Closed, string? Type)
{
    /// <summary>The field does not exist in those events.</summary>
    public static FieldSpec Absent { get; } = new([], true, "absent");

    public bool HasValues => !Values.IsDefaultOrEmpty;

    public bool IsAbsent => ReferenceEquals(this, Absent);
}

/// <summary>
/// One detail-type a source emits and what its fields hold. With <see cref="CompleteFields"/>, a field
/// under detail that is not listed (nor inside a listed one) does not exist in these events.
/// </summary>
public sealed record DetailTypeKnowledge(string Name, ImmutableDictionary<string, FieldSpec> Fields, bool CompleteFields);

/// <summary>
/// An AWS event source (for example aws.access-analyzer): its CloudTrail host names, whether its API calls
/// arrive via CloudTrail, and the detail-types it sends directly (<see cref="ClosedDetailTypes"/> when those
/// plus the CloudTrail ones are all it sends).
/// </summary>
public sealed record SourceKnowledge(
    string Source,
    string Name,
    ImmutableArray<string> EventSources,
    bool ViaCloudTrail,
    bool ClosedDetailTypes,
    ImmutableDictionary<string, DetailTypeKnowledge> DetailTypes);

/// <summary>Services whose CloudTrail events reach EventBridge only in the partition's home Region.</summary>
public sealed record GlobalServices(ImmutableDictionary<string, string> HomeRegions, FrozenSet<string> Sources, FrozenSet<string> EventSources)
{
    /// <summary>The home Region for a Region's partition (cn-*, us-gov-*, otherwise the aws partition).</summary>
    public string HomeRegionFor(string? region)
    {
        var partition = region switch
        {
            null => "aws",
            _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
            _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
            _ => "aws",
        };
        return HomeRegions.TryGetValue(partition, out var home) ? home : "us-east-1";
    }
}

/// <summary>Events delivered via CloudTrail: detail-types, common fields, host names, read-only event names.</summary>
public sealed record CloudTrailKnowledge(
    ImmutableArray<string> DetailTypes,
    ImmutableDictionary<string, FieldSpec> Fields,
    FrozenSet<string> DetailFields,
    FrozenSet<string> KnownEventSources,
    ImmutableArray<string> ReadOnlyEventNamePrefixes,
    string ReadOnlyDeliveryState,
    bool ResourcesUsuallyEmpty,
    GlobalServices Global);

/// <summary>IAM Identity Center's CloudTrail changes of January 2025.</summary>
public sealed record IdentityCenterChanges(
    string Effective,
    FrozenSet<string> Sources,
    string SignInSource,
    ImmutableArray<string> SignInEventNames,
    ImmutableDictionary<string, ImmutableArray<string>> RemovedFields,
    string TypeField,
    string TypeBefore,
    string TypeAfter,
    string HiddenGroupField,
    ImmutableArray<string> HiddenGroupFieldParents,
    string HiddenValue);

/// <summary>AWS::AccessAnalyzer::Analyzer: its types, unused-access age bounds and archive-rule filters.</summary>
public sealed record AnalyzerKnowledge(
    ImmutableArray<string> Types,
    FrozenSet<string> UnusedAccessTypes,
    int MinimumUnusedAccessAge,
    int MaximumUnusedAccessAge,
    FrozenSet<string> FilterKeys,
    ImmutableArray<string> FilterKeyPrefixes,
    FrozenSet<string> KeysNotInArchiveRules,
    ImmutableArray<string> FilterOperators);
