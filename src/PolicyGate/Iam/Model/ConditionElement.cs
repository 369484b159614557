using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Model;

/// <summary>
/// A condition key as written (<c>aws:PrincipalTag/team</c>): names are compared without regard to case.
/// <see cref="Prefix"/> is the part before the first colon, <see cref="TagKey"/> the part after the first slash.
/// </summary>
public sealed record ConditionKeyName(string Text)
{
    public string? Prefix { get; } = Text.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? Text[..i] : null;

    public string? TagKey { get; } = Text.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 ? Text[(i + 1)..] : null;

    public bool IsGlobal => string.Equals(Prefix, "aws", StringComparison.OrdinalIgnoreCase);

    public bool Is(string name) => Text.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for <c>aws:ResourceTag</c>, <c>aws:ResourceTag/x</c> and the like.</summary>
    public bool IsOrStartsWith(string name) =>
        Is(name) || (Text.Length > name.Length && Text[name.Length] == '/' && Text.StartsWith(name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Text;
}

/// <summary>One key under an operator with its values (one value, or a list).</summary>
public sealed record ConditionEntry(ConditionKeyName Key, SourceSpan KeySpan, Node Node, ImmutableArray<TextItem> Items, Guard Guard)
{
    public bool WrittenAsList { get; init; }

    public bool MayBeAbsent { get; init; }

    public SourceLocation KeyLocation => new(Node.File.Path, KeySpan);

    public IEnumerable<PolicyValue> Values => Items.Select(i => i.Value);
}

/// <summary>One operator of a Condition block with its keys.</summary>
public sealed record ConditionBlock(ConditionOperator Operator, SourceSpan KeySpan, Node Node, ImmutableArray<ConditionEntry> Entries, Guard Guard)
{
    public SourceLocation KeyLocation => new(Node.File.Path, KeySpan);

    public bool IsObject { get; init; }
}

/// <summary>The Condition element: its operators in source order. Operators AND, keys AND, values OR.</summary>
public sealed record ConditionElement(SourceSpan KeySpan, Node Node, ImmutableArray<ConditionBlock> Blocks)
{
    public bool IsObject { get; init; }

    public bool MayBeAbsent { get; init; }

    public SourceLocation Location => Node.Location;

    public IEnumerable<(ConditionBlock Block, ConditionEntry Entry)> Entries =>
        Blocks.SelectMany(b => b.Entries.Select(e => (b, e)));
}
