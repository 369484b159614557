using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.AccessAnalyzer;

/// <summary>
/// A policy handed to an engine: the JSON text Access Analyzer would receive and, when the policy came from a
/// scanned file, its located tree (the local engine reasons over it; spans let findings point at statements).
/// </summary>
public sealed record PolicyDocumentInput(string Json, Node? Located = null);

/// <summary>The policy types the custom checks accept (Access Analyzer: IDENTITY_POLICY, RESOURCE_POLICY).</summary>
public enum CheckPolicyType
{
    Identity,
    Resource,
}

/// <summary>The policy types ValidatePolicy accepts.</summary>
public enum ValidatePolicyType
{
    Identity,
    Resource,
    ServiceControl,
    ResourceControl,
}

public static class PolicyTypeNames
{
    public static string ToAccessAnalyzer(this CheckPolicyType type) =>
        type == CheckPolicyType.Identity ? "IDENTITY_POLICY" : "RESOURCE_POLICY";

    public static string ToAccessAnalyzer(this ValidatePolicyType type) => type switch
    {
        ValidatePolicyType.Identity => "IDENTITY_POLICY",
        ValidatePolicyType.Resource => "RESOURCE_POLICY",
        ValidatePolicyType.ServiceControl => "SERVICE_CONTROL_POLICY",
        _ => "RESOURCE_CONTROL_POLICY",
    };

    /// <summary>The custom checks' types: "identity", "resource" or "trust" (a role trust policy is a resource policy), and IDENTITY_POLICY, RESOURCE_POLICY.</summary>
    public static bool TryParseCheckType(string text, out CheckPolicyType type)
    {
        var known = TryParse(text, out ValidatePolicyType validateType) && validateType is ValidatePolicyType.Identity or ValidatePolicyType.Resource;
        type = validateType == ValidatePolicyType.Resource ? CheckPolicyType.Resource : CheckPolicyType.Identity;
        return known;
    }

    /// <summary>Accepts "identity", "resource", "scp", "rcp" and Access Analyzer's names (IDENTITY_POLICY, ...).</summary>
    public static bool TryParse(string text, out ValidatePolicyType type)
    {
        switch (text.Trim().ToUpperInvariant().Replace('-', '_'))
        {
            case "IDENTITY" or "IDENTITY_POLICY":
                type = ValidatePolicyType.Identity;
                return true;
            case "RESOURCE" or "RESOURCE_POLICY" or "TRUST" or "TRUST_POLICY":
                type = ValidatePolicyType.Resource;
                return true;
            case "SCP" or "SERVICE_CONTROL_POLICY":
                type = ValidatePolicyType.ServiceControl;
                return true;
            case "RCP" or "RESOURCE_CONTROL_POLICY":
                type = ValidatePolicyType.ResourceControl;
                return true;
            default:
                type = ValidatePolicyType.Identity;
                return false;
        }
    }
}

public sealed record CheckNoNewAccessRequest(PolicyDocumentInput NewPolicy, PolicyDocumentInput ExistingPolicy, CheckPolicyType PolicyType);

/// <summary>Actions may contain wildcards; <see cref="Resources"/> may be empty (any resource).</summary>
public sealed record CheckAccessNotGrantedRequest(
    PolicyDocumentInput Policy,
    ImmutableArray<string> Actions,
    ImmutableArray<string> Resources,
    CheckPolicyType PolicyType);

/// <summary><see cref="ResourceType"/> in CloudFormation form (AWS::S3::Bucket) or Access Analyzer's (AWS::S3::Bucket is the same).</summary>
public sealed record CheckNoPublicAccessRequest(PolicyDocumentInput Policy, string ResourceType);

public sealed record ValidatePolicyRequest(PolicyDocumentInput Policy, ValidatePolicyType PolicyType, string? ValidatePolicyResourceType = null);

public enum CheckVerdict
{
    Pass,
    Fail,
}

/// <summary>Why a check failed: Access Analyzer's reason shape (zero-based statement index, optional Sid).</summary>
public sealed record CheckReason(string Description, int? StatementIndex, string? StatementId)
{
    /// <summary>The local engine's account of the reason in a reviewer's words (what is granted, to whom, when).</summary>
    public string? Explanation { get; init; }

    /// <summary>The local engine's request proving this reason, when it found one.</summary>
    public Counterexample? Counterexample { get; init; }
}

/// <summary>
/// A concrete request proving a FAIL: the policy under test allows it and the reference does not (or: the
/// sensitive action is allowed; or: this anonymous caller gets in). Produced by the local engine only.
/// </summary>
public sealed record Counterexample(
    string? Principal,
    string Action,
    string Resource,
    ImmutableSortedDictionary<string, ImmutableArray<string>> Context);

public sealed record PolicyCheckResult(CheckVerdict Result, string Message, ImmutableArray<CheckReason> Reasons, string Engine)
{
    public Counterexample? Counterexample { get; init; }

    /// <summary>True when the engine answered FAIL only because it could not decide.</summary>
    public bool Undecided { get; init; }
}

/// <summary>ERROR, SECURITY_WARNING, WARNING or SUGGESTION, as Access Analyzer names them.</summary>
public enum ValidationFindingType
{
    Error,
    SecurityWarning,
    Warning,
    Suggestion,
}

/// <summary>Where in the policy text a validation finding points (Access Analyzer's span: zero-based offsets, 1-based lines).</summary>
public sealed record PolicyTextSpan(int StartLine, int StartColumn, int StartOffset, int EndLine, int EndColumn, int EndOffset)
{
    /// <summary>The path through the policy's JSON to the element (Access Analyzer's location path).</summary>
    public ImmutableArray<PolicyPathElement> Path { get; init; } = [];
}

/// <summary>One step of a location path: an object key (<see cref="Value"/>, or <see cref="Key"/> when the key itself is meant) or an array index.</summary>
public sealed record PolicyPathElement(string? Value = null, int? Index = null, string? Key = null);

public sealed record ValidationFinding(ValidationFindingType FindingType, string IssueCode, string Details, string? LearnMoreLink, ImmutableArray<PolicyTextSpan> Locations)
{
    /// <summary>The PolicyGate rule that produced the finding (local engine only).</summary>
    public string? RuleId { get; init; }

    /// <summary>Where the finding is in the scanned file (local engine only; for a policy in a template, the template span).</summary>
    public Documents.SourceLocation? SourceLocation { get; init; }
}

public sealed record ValidatePolicyResult(ImmutableArray<ValidationFinding> Findings, string Engine);
