namespace PolicyGate.Iam.Model;

/// <summary>The condition operators of IAM, without qualifier or IfExists suffix.</summary>
public enum ConditionOperatorKind
{
    Unknown,
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

/// <summary>The value family an operator compares in.</summary>
public enum OperatorFamily
{
    Unknown,
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    IpAddress,
    Arn,
    Null,
}

/// <summary>The set-operator prefix for multi-valued keys.</summary>
public enum SetQualifier
{
    None,
    ForAllValues,
    ForAnyValue,
}

/// <summary>
/// A condition operator as written, parsed: <c>ForAnyValue:StringLikeIfExists</c> is the StringLike operator
/// with the ForAnyValue qualifier and the IfExists suffix. Names are matched as AWS writes them; an unknown
/// name has <see cref="Kind"/> Unknown.
/// </summary>
public sealed record ConditionOperator(string Text, ConditionOperatorKind Kind, SetQualifier Qualifier, bool IfExists)
{
    /// <summary>The qualifier prefix was written but its spelling is not ForAllValues/ForAnyValue.</summary>
    public bool HasInvalidQualifier { get; init; }

    public bool IsKnown => Kind != ConditionOperatorKind.Unknown && !HasInvalidQualifier;

    public OperatorFamily Family => FamilyOf(Kind);

    /// <summary>Negated operators match when the key is absent (StringNotEquals, NotIpAddress, ArnNotLike, ...).</summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <summary>Operators whose values are wildcard patterns (<c>*</c>, <c>?</c>).</summary>
    public bool IsLike => Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike
        or ConditionOperatorKind.ArnLike or ConditionOperatorKind.ArnNotLike
        or ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnNotEquals;

    /// <summary>The operator's name without qualifier and suffix (StringLike).</summary>
    public string BaseName => Kind.ToString();

    public static ConditionOperator Parse(string text)
    {
        var rest = text;
        var qualifier = SetQualifier.None;
        var invalidQualifier = false;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var prefix = rest[..colon];
            qualifier = prefix switch
            {
                "ForAllValues" => SetQualifier.ForAllValues,
                "ForAnyValue" => SetQualifier.ForAnyValue,
                _ => SetQualifier.None,
            };
            invalidQualifier = qualifier == SetQualifier.None;
            rest = rest[(colon + 1)..];
        }

        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists)
        {
            rest = rest[..^"IfExists".Length];
        }

        var kind = Enum.TryParse<ConditionOperatorKind>(rest, ignoreCase: false, out var parsed) && parsed != ConditionOperatorKind.Unknown && rest == parsed.ToString()
            ? parsed
            : ConditionOperatorKind.Unknown;
        return new ConditionOperator(text, kind, qualifier, ifExists) { HasInvalidQualifier = invalidQualifier };
    }

    public static OperatorFamily FamilyOf(ConditionOperatorKind kind) => kind switch
    {
        ConditionOperatorKind.Unknown => OperatorFamily.Unknown,
        <= ConditionOperatorKind.StringNotLike => OperatorFamily.String,
        <= ConditionOperatorKind.NumericGreaterThanEquals => OperatorFamily.Numeric,
        <= ConditionOperatorKind.DateGreaterThanEquals => OperatorFamily.Date,
        ConditionOperatorKind.Bool => OperatorFamily.Bool,
        ConditionOperatorKind.BinaryEquals => OperatorFamily.Binary,
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => OperatorFamily.IpAddress,
        ConditionOperatorKind.Null => OperatorFamily.Null,
        _ => OperatorFamily.Arn,
    };
}
