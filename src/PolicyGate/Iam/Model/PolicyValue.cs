using PolicyGate.Documents;
using PolicyGate.Iam.Text;

namespace PolicyGate.Iam.Model;

/// <summary>
/// One scalar of a policy as written: its node (text, JSON type, span, unknown parts) and the choice
/// alternatives it exists under. A value whose <see cref="Node"/> is of kind Unknown is not known offline.
/// </summary>
public sealed record PolicyValue(ScalarNode Node, Guard Guard)
{
    public string Text => Node.Value;

    public SourceSpan Span => Node.Span;

    public ScalarKind JsonKind => Node.Kind;

    public bool IsString => Node.Kind == ScalarKind.String;

    /// <summary>Entirely unknown offline (an unresolved parameter or import).</summary>
    public bool IsUnknown => Node.Kind == ScalarKind.Unknown;

    /// <summary>Known text (string, number, boolean or null) with no unknown part.</summary>
    public bool IsFullyKnown => !Node.HasUnknowns;

    public SourceLocation Location => Node.Location;

    /// <summary>The string parsed with <c>*</c>/<c>?</c> as wildcards, policy variables and unknown parts.</summary>
    public PolicyPattern AsPattern() => PolicyPattern.Parse(Node.Value, Node.Unknowns, wildcards: true);

    /// <summary>The string parsed with policy variables and unknown parts but no wildcards (StringEquals values).</summary>
    public PolicyPattern AsLiteralPattern() => LiteralPattern;

    /// <summary>Parsed once: several checks read the variables of every value.</summary>
    private PolicyPattern LiteralPattern { get; } = PolicyPattern.Parse(Node.Value, Node.Unknowns, wildcards: false);

    /// <summary>Values are equal when they are the same node under the same guard (the parsed pattern follows from the node).</summary>
    public bool Equals(PolicyValue? other) => other is not null && Node.Equals(other.Node) && Guard.Equals(other.Guard);

    public override int GetHashCode() => HashCode.Combine(Node.Span, Node.Value, Guard);

    public override string ToString() => Node.Kind == ScalarKind.String ? $"\"{Text}\"" : Text;
}
