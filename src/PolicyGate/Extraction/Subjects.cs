using PolicyGate.Documents;

namespace PolicyGate.Extraction;

/// <summary>The kinds of IAM policy, which decide which elements are allowed and what the checks compare.</summary>
public enum PolicyKind
{
    Identity,
    Resource,

    /// <summary>A role's trust policy: a resource policy of the role, governing sts:AssumeRole*.</summary>
    Trust,
    ServiceControl,
    ResourceControl,
}

/// <summary>
/// Who owns a policy: its file and, for policies inside templates, the logical id, the property path
/// (for example <c>Properties.Policies[0].PolicyDocument</c>) and the CDK construct path when known.
/// </summary>
public sealed record PolicyOwner(string Path, string? LogicalId = null, string? PropertyPath = null, string? ConstructPath = null)
{
    public override string ToString() =>
        LogicalId is null ? Path : PropertyPath is null ? $"{Path} ({LogicalId})" : $"{Path} ({LogicalId}.{PropertyPath})";
}

/// <summary>
/// An IAM policy to check. <see cref="Document"/> is the policy as a located tree: for a policy file its root,
/// for a policy in a template the resolved tree whose nodes keep the spans of the template text they came
/// from (unknown values and undecidable choices are explicit, see <see cref="ScalarKind.Unknown"/> and
/// <see cref="ChoiceNode"/>).
/// </summary>
public sealed record PolicySubject(PolicyOwner Owner, PolicyKind Kind, Node Document) : IOwnedSubject
{
    public void Dispatch(ISubjectVisitor visitor) => visitor.Visit(this);

    /// <summary>The AWS resource type a resource policy governs (for example <c>AWS::S3::Bucket</c>), if known.</summary>
    public string? ResourceType { get; init; }

    /// <summary>True when the kind came from content alone (a standalone file) rather than from where the policy sits.</summary>
    public bool KindInferred { get; init; }
}

/// <summary>An EventBridge event pattern to check: from a pattern file or a rule in a template.</summary>
public sealed record EventPatternSubject(PolicyOwner Owner, Node Pattern) : IOwnedSubject
{
    public void Dispatch(ISubjectVisitor visitor) => visitor.Visit(this);
}

/// <summary>
/// An EventBridge rule (AWS::Events::Rule, or a SAM function event of type EventBridgeRule/CloudWatchEvent).
/// <see cref="Properties"/> is the resolved rule definition; its pattern is also extracted as an
/// <see cref="EventPatternSubject"/> so pattern rules apply to it like to a pattern file.
/// </summary>
public sealed record EventRuleSubject(PolicyOwner Owner, ObjectNode Properties) : IOwnedSubject
{
    /// <summary>The event pattern (parsed from a JSON string when given as one), or null for schedule-only rules.</summary>
    public Node? Pattern { get; init; }

    /// <summary>Each target's resolved definition (Arn, Id, Input, InputPath, InputTransformer, RoleArn, ...).</summary>
    public System.Collections.Immutable.ImmutableArray<ObjectNode> Targets { get; init; } = [];

    /// <summary>The region the template is known to be deployed in (configured or pinned by the template), or null.</summary>
    public string? Region { get; init; }

    public void Dispatch(ISubjectVisitor visitor) => visitor.Visit(this);
}

/// <summary>A loaded file, for rules about the file itself (parse errors, encoding, size).</summary>
public sealed record FileSubject(LoadedFile File) : ISubject
{
    public void Dispatch(ISubjectVisitor visitor) => visitor.Visit(this);
}

/// <summary>A whole classified document, for rules about documents of a kind (templates, configuration files).</summary>
public sealed record DocumentSubject(ClassifiedDocument Document) : ISubject
{
    public void Dispatch(ISubjectVisitor visitor) => visitor.Visit(this);
}
