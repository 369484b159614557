using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Model;

/// <summary>
/// One statement. <see cref="Index"/> is its zero-based position in the Statement list (Access Analyzer's
/// statementIndex); statements that are alternatives of one choice share the index and differ in
/// <see cref="Guard"/>. Each element is null when absent; both an element and its Not-twin can be present
/// (an error the checks report).
/// </summary>
public sealed record PolicyStatement(int Index, ObjectNode Node, Guard Guard)
{
    public PolicyElement<TextItem>? Sid { get; init; }

    public PolicyElement<EffectItem>? Effect { get; init; }

    public PrincipalElement? Principal { get; init; }

    public PrincipalElement? NotPrincipal { get; init; }

    public PolicyElement<ActionItem>? Action { get; init; }

    public PolicyElement<ActionItem>? NotAction { get; init; }

    public PolicyElement<ResourceItem>? Resource { get; init; }

    public PolicyElement<ResourceItem>? NotResource { get; init; }

    public ConditionElement? Condition { get; init; }

    /// <summary>Keys that are not statement elements (misspelt or wrongly cased).</summary>
    public ImmutableArray<PropertyNode> UnknownElements { get; init; } = [];

    public SourceSpan Span => Node.Span;

    public SourceLocation Location => Node.Location;

    /// <summary>The Sid text when it is a known string, else null.</summary>
    public string? SidText => Sid?.Single is { Value.IsString: true } s ? s.Value.Text : null;

    /// <summary>The effect when it is known and valid (the first alternative when it depends on a choice).</summary>
    public PolicyEffect? EffectValue => Effect?.Items.Select(i => i.Effect).FirstOrDefault(e => e is not null);

    public bool IsAllow => EffectValue == PolicyEffect.Allow;

    public bool IsDeny => EffectValue == PolicyEffect.Deny;

    /// <summary>Action or NotAction, whichever is present (Action first).</summary>
    public PolicyElement<ActionItem>? Actions => Action ?? NotAction;

    public PolicyElement<ResourceItem>? Resources => Resource ?? NotResource;

    public PrincipalElement? Principals => Principal ?? NotPrincipal;

    /// <summary>How findings name the statement: its Sid, or its index.</summary>
    public string Label => SidText is { Length: > 0 } sid ? $"statement \"{sid}\"" : $"statement {Index}";
}
