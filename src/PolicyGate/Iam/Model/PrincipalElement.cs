using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Model;

/// <summary>The principal types of the Principal element's keys; <see cref="Everyone"/> is the bare <c>"*"</c>.</summary>
public enum PrincipalType
{
    Everyone,
    Aws,
    Service,
    Federated,
    CanonicalUser,

    /// <summary>A key IAM does not know (reported by the checks).</summary>
    Invalid,
}

/// <summary>What an AWS principal value names, from its form.</summary>
public enum AwsPrincipalForm
{
    /// <summary><c>*</c>: every principal, anonymous ones included.</summary>
    Wildcard,

    /// <summary>A 12-digit account id: the account's root, that is every principal the account allows.</summary>
    AccountId,

    /// <summary><c>arn:aws:iam::111122223333:root</c>.</summary>
    AccountRoot,
    Role,
    User,
    AssumedRoleSession,
    FederatedUser,

    /// <summary>An IAM role's unique id (<c>AROA...</c>), which AWS stores when the role was deleted.</summary>
    RoleId,

    /// <summary>An IAM user's unique id (<c>AIDA...</c>).</summary>
    UserId,

    /// <summary>Another ARN (for example an STS or service-linked identity).</summary>
    OtherArn,

    /// <summary>Text of no recognised form.</summary>
    Other,

    /// <summary>Not known offline.</summary>
    Unknown,
}

/// <summary>One principal value with its type (from its key) and, for AWS principals, its form.</summary>
public sealed record PrincipalItem(PolicyValue Value, PrincipalType Type) : IPolicyItem
{
    public string Text => Value.Text;

    public AwsPrincipalForm Form { get; } = Type is PrincipalType.Aws or PrincipalType.Everyone ? AwsPrincipals.FormOf(Value) : AwsPrincipalForm.Other;

    /// <summary>The account the principal belongs to (for AWS principals whose form tells it), or null.</summary>
    public string? Account => AwsPrincipals.AccountOf(Value.Text, Form);
}

/// <summary>One key of a Principal object (<c>"AWS": [...]</c>) with its values.</summary>
public sealed record PrincipalEntry(string Key, SourceSpan KeySpan, PrincipalType Type, Node Node, ImmutableArray<PrincipalItem> Items)
{
    public bool WrittenAsList { get; init; }
}

/// <summary>
/// The Principal or NotPrincipal element: the bare <c>"*"</c> (<see cref="IsBareWildcard"/>) or an object of
/// principal types. <see cref="Items"/> lists every principal value, whatever its key.
/// </summary>
public sealed record PrincipalElement(string Name, SourceSpan KeySpan, Node Node, ImmutableArray<PrincipalEntry> Entries)
{
    public bool IsNot => Name == "NotPrincipal";

    public bool IsBareWildcard { get; init; }

    public bool IsObject { get; init; }

    public bool MayBeAbsent { get; init; }

    /// <summary>Values that are neither <c>"*"</c> nor an object (for example a bare ARN string).</summary>
    public ImmutableArray<Node> InvalidForms { get; init; } = [];

    public SourceSpan Span => Node.Span;

    public SourceLocation Location => Node.Location;

    public IEnumerable<PrincipalItem> Items => Entries.SelectMany(e => e.Items);

    /// <summary>True when the element names every principal: <c>"*"</c> or an AWS value <c>"*"</c>.</summary>
    public bool IncludesEveryone => Items.Any(i => i.Type is PrincipalType.Everyone || (i.Type == PrincipalType.Aws && i.Value.IsFullyKnown && i.Text == "*"));
}
