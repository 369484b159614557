using System.Collections.Immutable;

namespace PolicyGate.Documents;

/// <summary>
/// A node of a located document: the one tree model for JSON and YAML. Every node knows its file and span.
/// Nodes are immutable; later stages (CloudFormation resolution) build new trees whose nodes keep the spans
/// of the source expressions they came from.
/// </summary>
public abstract record Node(SourceFile File, SourceSpan Span)
{
    public SourceLocation Location => new(File.Path, Span);

    /// <summary>A short name of the node's shape for messages: "object", "array", "string", ...</summary>
    public abstract string KindName { get; }
}

/// <summary>A mapping. Properties keep source order and duplicates; lookups see the last occurrence.</summary>
public sealed record ObjectNode(SourceFile File, SourceSpan Span, ImmutableArray<PropertyNode> Properties)
    : Node(File, Span)
{
    public override string KindName => "object";

    /// <summary>The value of the last property with exactly this key, or null.</summary>
    public Node? this[string key]
    {
        get
        {
            for (var i = Properties.Length - 1; i >= 0; i--)
            {
                if (string.Equals(Properties[i].Key, key, StringComparison.Ordinal))
                {
                    return Properties[i].Value;
                }
            }

            return null;
        }
    }

    /// <summary>The last property with exactly this key, or null.</summary>
    public PropertyNode? Property(string key)
    {
        for (var i = Properties.Length - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Key, key, StringComparison.Ordinal))
            {
                return Properties[i];
            }
        }

        return null;
    }

    public bool Has(string key) => Property(key) is not null;
}

/// <summary>A key and its value. The key span covers the key as written (quotes included).</summary>
public sealed record PropertyNode(string Key, SourceSpan KeySpan, Node Value);

public sealed record ArrayNode(SourceFile File, SourceSpan Span, ImmutableArray<Node> Items) : Node(File, Span)
{
    public override string KindName => "array";
}

public enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,

    /// <summary>
    /// A value that cannot be known offline (an unresolved parameter, an import, a dynamic reference).
    /// Checks must treat it soundly: as anything at all for the policy under test.
    /// </summary>
    Unknown,
}

/// <summary>How a scalar was written; lets later stages map offsets inside a string back to the source.</summary>
public enum ScalarStyle
{
    Json,
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,

    /// <summary>Made by a later stage (for example a resolved intrinsic), not read from the file.</summary>
    Synthesized,
}

/// <summary>
/// A part of a string value that is not known offline. <see cref="Start"/> and <see cref="Length"/> index
/// into <see cref="ScalarNode.Value"/>, where the unknown part is shown as a readable placeholder.
/// </summary>
public readonly record struct UnknownSegment(int Start, int Length, string Reason);

/// <summary>
/// A leaf value. <see cref="Value"/> is the decoded text: string contents, the raw number text as written
/// (never re-formatted), <c>true</c>/<c>false</c>, <c>null</c>, or for an unknown a readable placeholder.
/// </summary>
public sealed record ScalarNode(SourceFile File, SourceSpan Span, ScalarKind Kind, string Value, ScalarStyle Style)
    : Node(File, Span)
{
    /// <summary>Unknown parts of a string that is otherwise known (empty for ordinary scalars).</summary>
    public ImmutableArray<UnknownSegment> Unknowns { get; init; } = ImmutableArray<UnknownSegment>.Empty;

    /// <summary>The YAML tag as written when it was not a CloudFormation short form (for example <c>!!str</c>).</summary>
    public string? Tag { get; init; }

    public bool IsString => Kind == ScalarKind.String;

    /// <summary>True when some part of the value is not known offline.</summary>
    public bool HasUnknowns => Kind == ScalarKind.Unknown || !Unknowns.IsDefaultOrEmpty;

    public override string KindName => Kind switch
    {
        ScalarKind.String => "string",
        ScalarKind.Number => "number",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Null => "null",
        _ => "unknown value",
    };
}

/// <summary>
/// One of several values, which one depending on something not decidable offline (for example an
/// <c>Fn::If</c> whose condition depends on an unknown parameter). An alternative may be an
/// <see cref="AbsentNode"/>. Checks read it permissively for a policy under test and strictly for a reference.
/// </summary>
public sealed record ChoiceNode(SourceFile File, SourceSpan Span, ImmutableArray<Node> Alternatives, string Reason)
    : Node(File, Span)
{
    public override string KindName => "choice";
}

/// <summary>No value at all (CloudFormation's <c>AWS::NoValue</c>): the enclosing property or item is removed.</summary>
public sealed record AbsentNode(SourceFile File, SourceSpan Span) : Node(File, Span)
{
    public override string KindName => "no value";
}
