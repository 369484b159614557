using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Iam.Model;

/// <summary>
/// An IAM policy read from a located tree: its elements with their spans, its statements, the shape problems
/// met while reading (each located), and the policy's kind and governed resource type. Immutable; built by
/// <see cref="PolicyModelBuilder"/>. When the whole document is a choice, the elements of every alternative are
/// merged with guards.
/// </summary>
public sealed record PolicyDocument(Node Root, PolicyKind Kind)
{
    /// <summary>The AWS resource type a resource policy governs (AWS::S3::Bucket), if known.</summary>
    public string? ResourceType { get; init; }

    /// <summary>True when the kind was inferred from the content (a standalone file).</summary>
    public bool KindInferred { get; init; }

    public PolicyElement<TextItem>? Version { get; init; }

    public PolicyElement<TextItem>? Id { get; init; }

    /// <summary>The Statement key's span, or null when the policy has no Statement element.</summary>
    public SourceSpan? StatementKeySpan { get; init; }

    public Node? StatementNode { get; init; }

    public bool StatementWrittenAsList { get; init; }

    public ImmutableArray<PolicyStatement> Statements { get; init; } = [];

    /// <summary>Top-level keys that are not policy elements.</summary>
    public ImmutableArray<PropertyNode> UnknownElements { get; init; } = [];

    /// <summary>Values of the wrong JSON shape, met while reading (for example an Action that is an object).</summary>
    public ImmutableArray<ModelProblem> Problems { get; init; } = [];

    public SourceFile File => Root.File;

    /// <summary>The Version value when it is a known string, else null.</summary>
    public string? VersionText => Version?.Single is { Value.IsString: true } v ? v.Value.Text : null;

    /// <summary>True when the root is an object (a policy at all).</summary>
    public bool IsObject { get; init; }
}

/// <summary>A value of the wrong JSON shape: where, which element, what it is and what was expected.</summary>
public sealed record ModelProblem(string Element, SourceLocation Location, string Found, string Expected)
{
    public string Message => $"{Element} must be {Expected}, not {Found}";
}
