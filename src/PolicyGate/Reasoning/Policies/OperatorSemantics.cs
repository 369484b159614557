using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Policies;

/// <summary>What a condition operator compares: the value family, the comparison each value makes, and how its strings read.</summary>
public readonly record struct OperatorSemantics(ValueFamily Family, Comparison Comparison, PatternSyntax Syntax, bool IgnoreCase)
{
    public static OperatorSemantics Of(ConditionOperatorKind kind) => kind switch
    {
        ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.BinaryEquals
            => new(ValueFamily.String, Comparison.Match, PatternSyntax.Literal, false),
        ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase or ConditionOperatorKind.Bool
            => new(ValueFamily.String, Comparison.Match, PatternSyntax.Literal, true),
        ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike
            => new(ValueFamily.String, Comparison.Match, PatternSyntax.Glob, false),
        ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnLike or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike
            => new(ValueFamily.String, Comparison.Match, PatternSyntax.Arn, false),
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals => new(ValueFamily.Numeric, Comparison.Equal, PatternSyntax.Literal, false),
        ConditionOperatorKind.NumericLessThan => new(ValueFamily.Numeric, Comparison.Less, PatternSyntax.Literal, false),
        ConditionOperatorKind.NumericLessThanEquals => new(ValueFamily.Numeric, Comparison.LessOrEqual, PatternSyntax.Literal, false),
        ConditionOperatorKind.NumericGreaterThan => new(ValueFamily.Numeric, Comparison.Greater, PatternSyntax.Literal, false),
        ConditionOperatorKind.NumericGreaterThanEquals => new(ValueFamily.Numeric, Comparison.GreaterOrEqual, PatternSyntax.Literal, false),
        ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals => new(ValueFamily.Date, Comparison.Equal, PatternSyntax.Literal, false),
        ConditionOperatorKind.DateLessThan => new(ValueFamily.Date, Comparison.Less, PatternSyntax.Literal, false),
        ConditionOperatorKind.DateLessThanEquals => new(ValueFamily.Date, Comparison.LessOrEqual, PatternSyntax.Literal, false),
        ConditionOperatorKind.DateGreaterThan => new(ValueFamily.Date, Comparison.Greater, PatternSyntax.Literal, false),
        ConditionOperatorKind.DateGreaterThanEquals => new(ValueFamily.Date, Comparison.GreaterOrEqual, PatternSyntax.Literal, false),
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => new(ValueFamily.Ip, Comparison.InRange, PatternSyntax.Literal, false),
        _ => new(ValueFamily.String, Comparison.Match, PatternSyntax.Literal, false),
    };

    /// <summary>Whether a variable-free policy value is usable in this family (a number for Numeric, a range for IpAddress, ...).</summary>
    public bool Accepts(string text) => Family switch
    {
        ValueFamily.Numeric => OrderedValues.TryParseNumber(text, out _),
        ValueFamily.Date => OrderedValues.TryParseDate(text, out _),
        ValueFamily.Ip => IpRange.TryParse(text, out _),
        _ => true,
    };
}
