using System.Collections.Immutable;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Discovery;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Config;

/// <summary>
/// The <c>checks</c> section of policygate.yaml: which reference policies (CheckNoNewAccess) and which
/// action lists (CheckAccessNotGranted) apply to which policies, and whether resource policies are checked
/// for public access (on by default).
/// </summary>
public sealed record ChecksSettings
{
    public static ChecksSettings Default { get; } = new();

    public ImmutableArray<NoNewAccessSetting> NoNewAccess { get; init; } = [];

    public ImmutableArray<AccessNotGrantedSetting> AccessNotGranted { get; init; } = [];

    public bool NoPublicAccess { get; init; } = true;
}

/// <summary>
/// Which policies a configured check applies to: every condition given must hold (no condition: every policy
/// of the check's policy type). Globs match report paths and logical ids.
/// </summary>
public sealed record CheckScope(
    ImmutableArray<GlobPattern> Files,
    ImmutableArray<GlobPattern> LogicalIds,
    ImmutableArray<string> ResourceTypes,
    CheckPolicyType? PolicyType)
{
    public static CheckScope Everything { get; } = new([], [], [], null);

    /// <summary>Only role trust policies (policy type "trust"), not other resource policies.</summary>
    public bool TrustPoliciesOnly { get; init; }

    public bool Covers(PolicySubject subject, CheckPolicyType type) =>
        (PolicyType is null || PolicyType == type)
        && (!TrustPoliciesOnly || subject.Kind == PolicyKind.Trust)
        && (Files.IsEmpty || Files.Any(g => g.MatchesFileOrAncestor(subject.Owner.Path)))
        && (LogicalIds.IsEmpty || (subject.Owner.LogicalId is { } id && LogicalIds.Any(g => g.Matches(id, isDirectory: false))))
        && (ResourceTypes.IsEmpty || (subject.ResourceType is { } t && ResourceTypes.Contains(t, StringComparer.Ordinal)));
}

/// <summary>A reference policy every covered policy is compared with; <see cref="Name"/> says which in findings.</summary>
public sealed record NoNewAccessSetting(string Name, string ReferenceJson, CheckPolicyType PolicyType, CheckScope Scope, SourceLocation Location);

/// <summary>Actions (wildcards allowed) and optional resources no covered policy may grant.</summary>
public sealed record AccessNotGrantedSetting(string Name, ImmutableArray<string> Actions, ImmutableArray<string> Resources, CheckScope Scope, SourceLocation Location);
