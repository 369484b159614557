using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Model;

/// <summary>Something read from a policy value: the value itself plus what the model parsed from it.</summary>
public interface IPolicyItem
{
    PolicyValue Value { get; }
}

/// <summary>
/// An element of a policy or statement (Version, Sid, Action, Resource, ...): its name as written, the span
/// of its key and of its value, and its items (a string is one item, a list one per entry; choices are
/// flattened with guards). <see cref="WrittenAsList"/> tells a one-item list from a plain string;
/// <see cref="MayBeAbsent"/> is true when a choice alternative removes the element.
/// </summary>
public sealed record PolicyElement<T>(string Name, SourceSpan KeySpan, Node Node, ImmutableArray<T> Items)
    where T : IPolicyItem
{
    public SourceSpan Span => Node.Span;

    public SourceFile File => Node.File;

    public SourceLocation Location => Node.Location;

    public SourceLocation KeyLocation => new(Node.File.Path, KeySpan);

    public bool WrittenAsList { get; init; }

    public bool MayBeAbsent { get; init; }

    /// <summary>True when the element is an empty list (or every alternative is empty).</summary>
    public bool IsEmptyList => WrittenAsList && Items.IsEmpty;

    public IEnumerable<PolicyValue> Values => Items.Select(i => i.Value);

    /// <summary>The first item's value (for single-valued elements such as Version, Sid, Effect), or null.</summary>
    public T? Single => Items.IsEmpty ? default : Items[0];
}

/// <summary>A plain value item (Version, Id, Sid, condition values).</summary>
public sealed record TextItem(PolicyValue Value) : IPolicyItem;
