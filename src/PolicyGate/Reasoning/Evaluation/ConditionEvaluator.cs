using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Evaluation;

/// <summary>
/// One condition entry on one request. A missing key makes a plain operator false and a negated one true;
/// IfExists makes a missing key true; ForAnyValue needs one request value to match, ForAllValues every one
/// (true when the key is missing); Null tests presence. Values of one key OR, negated operators NOR.
/// </summary>
public static class ConditionEvaluator
{
    public static bool Evaluate(ConditionTest test, AccessRequest request)
    {
        if (test.Forced is { } forced)
        {
            return forced;
        }

        var values = request.ValuesOf(test.Key);
        if (test.IsNullCheck)
        {
            var present = values is not null;
            return test.Operands.Any(o => o.Constant ?? o.NullTestsAbsence == !present);
        }

        bool Holds(string value) => Matches(test, value, request) != test.Negated;
        switch (test.Operator.Qualifier)
        {
            case SetQualifier.ForAnyValue:
                return values is null ? test.Operator.IfExists : values.Any(Holds);
            case SetQualifier.ForAllValues:
                return values is null || values.All(Holds);
            default:
                if (values is null)
                {
                    return test.Operator.IfExists || test.Negated;
                }

                return values.Count == 1 ? Holds(values[0]) : test.AnyOfSeveralValues ? values.Any(Holds) : values.All(Holds);
        }
    }

    /// <summary>Whether some value of the entry matches one request value (before the operator's negation).</summary>
    public static bool Matches(ConditionTest test, string value, AccessRequest request) =>
        test.Operands.Any(o => Matches(o, value, request));

    public static bool Matches(ConditionOperand operand, string value, AccessRequest request)
    {
        if (operand.Constant is { } constant)
        {
            return constant;
        }

        if (operand.Text.Substitute(request.ValuesOf) is not { } resolved)
        {
            return false;
        }

        return Matches(operand, resolved, value);
    }

    /// <summary>A variable-free operand against one value.</summary>
    public static bool Matches(ConditionOperand operand, TextPattern resolved, string value)
    {
        switch (operand.Family)
        {
            case ValueFamily.String:
                return PatternMatcher.Matches(resolved, value);
            case ValueFamily.Numeric:
                return OrderedValues.TryParseNumber(LiteralText(resolved), out var limit) && OrderedValues.TryParseNumber(value, out var number)
                    && OrderedValues.Compare(number, limit, operand.Comparison);
            case ValueFamily.Date:
                return OrderedValues.TryParseDate(LiteralText(resolved), out var when) && OrderedValues.TryParseDate(value, out var date)
                    && OrderedValues.Compare(date, when, operand.Comparison);
            default:
                return IpRange.TryParse(LiteralText(resolved), out var range) && IpPoint.TryParse(value, out var address) && range.Contains(address);
        }
    }

    private static string LiteralText(TextPattern pattern) =>
        pattern.IsNever ? "\u2205" : string.Concat(pattern.Tokens.Select(t => t.Kind == TokenKind.Literal ? t.Char : '*'));
}
