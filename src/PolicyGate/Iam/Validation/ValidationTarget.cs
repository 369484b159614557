using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>What the policy checks read: the policy model, its kind and resource type, and the catalog.</summary>
public sealed record ValidationTarget(PolicyDocument Policy, IamCatalog Catalog)
{
    public PolicyKind Kind => Policy.Kind;

    public bool IsIdentity => Kind == PolicyKind.Identity;

    /// <summary>A resource policy, role trust policies included.</summary>
    public bool IsResourcePolicy => Kind is PolicyKind.Resource or PolicyKind.Trust;

    public bool IsTrust => Kind == PolicyKind.Trust;

    public bool IsServiceControl => Kind == PolicyKind.ServiceControl;

    public bool IsResourceControl => Kind == PolicyKind.ResourceControl;

    /// <summary>SCPs and RCPs: organization policies.</summary>
    public bool IsOrganizationPolicy => Kind is PolicyKind.ServiceControl or PolicyKind.ResourceControl;

    public string? ResourceType => Policy.ResourceType;

    /// <summary>The name of the policy type for messages ("identity policy", "role trust policy", ...).</summary>
    public string KindName => Kind switch
    {
        PolicyKind.Identity => "identity policy",
        PolicyKind.Trust => "role trust policy",
        PolicyKind.ServiceControl => "service control policy",
        PolicyKind.ResourceControl => "resource control policy",
        _ => ResourceType is { } type ? $"resource policy of {type}" : "resource policy",
    };
}
