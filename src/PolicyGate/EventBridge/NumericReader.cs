using PolicyGate.Documents;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge;

/// <summary>Reads {"numeric": [...]} terms with EventBridge's messages for every malformed form.</summary>
internal static class NumericReader
{
    private const string TooManyElements = "Too many elements in numeric expression";

    public static ValueMatcher? Read(ObjectNode expression, ArrayNode terms, out string? error, out Node? at)
    {
        error = null;
        at = null;
        var items = terms.Items.Select(i => PatternCompiler.Resolve(i) ?? i).ToList();
        Node Term(int i) => i < items.Count ? items[i] : terms;

        if (items.Count == 0 || PatternCompiler.StringOf(items[0]) is not { } op)
        {
            return Fail($"Invalid member in numeric match: {TokenText(items, 0)}", Term(0), out error, out at);
        }

        var hasValue = items.Count > 1 && IsNumber(items[1]);
        switch (op)
        {
            case "=":
                if (!hasValue)
                {
                    return Fail("Value of equals must be numeric", Term(1), out error, out at);
                }

                if (items.Count > 2)
                {
                    return Fail(TooManyElements, items[2], out error, out at);
                }

                return Comparable(items[1], out var equal, out error, out at)
                    ? new NumericEqualsMatcher(expression, equal)
                    : null;
            case ">=":
            case ">":
                if (!hasValue)
                {
                    return Fail($"Value of {op} must be numeric", Term(1), out error, out at);
                }

                if (items.Count == 2)
                {
                    return Comparable(items[1], out var bottomOnly, out error, out at)
                        ? new NumericRangeMatcher(expression, bottomOnly, op == ">=", double.PositiveInfinity, true)
                        : null;
                }

                return Between(expression, items, terms, op == ">=", out error, out at);
            case "<=":
            case "<":
                if (!hasValue)
                {
                    return Fail($"Value of {op} must be numeric", Term(1), out error, out at);
                }

                if (items.Count > 2)
                {
                    return Fail(TooManyElements, items[2], out error, out at);
                }

                return Comparable(items[1], out var top, out error, out at)
                    ? new NumericRangeMatcher(expression, double.NegativeInfinity, true, top, op == "<=")
                    : null;
            default:
                return Fail($"Unrecognized numeric range operator: {op}", items[0], out error, out at);
        }
    }

    private static ValueMatcher? Between(ObjectNode expression, List<Node> items, ArrayNode terms, bool bottomInclusive, out string? error, out Node? at)
    {
        if (PatternCompiler.StringOf(items[2]) is not { } op)
        {
            return Fail($"Bad value in numeric range: {TokenText(items, 2)}", items[2], out error, out at);
        }

        if (op is not ("<" or "<="))
        {
            return Fail($"Bad numeric range operator: {op}", items[2], out error, out at);
        }

        if (items.Count < 4 || !IsNumber(items[3]))
        {
            return Fail($"Value of {op} must be numeric", items.Count > 3 ? items[3] : terms, out error, out at);
        }

        if (items.Count > 4)
        {
            return Fail("Too many terms in numeric range expression", items[4], out error, out at);
        }

        if (!Comparable(items[1], out var bottom, out error, out at) || !Comparable(items[3], out var top, out error, out at))
        {
            return null;
        }

        if (bottom >= top)
        {
            return Fail("Bottom must be less than top", items[1], out error, out at);
        }

        return new NumericRangeMatcher(expression, bottom, bottomInclusive, top, op == "<=");
    }

    private static bool IsNumber(Node node) => node is ScalarNode { Kind: ScalarKind.Number };

    private static bool Comparable(Node node, out double value, out string? error, out Node? at)
    {
        var text = ((ScalarNode)node).Value;
        if (Float64Text.TryGetComparable(text, out value))
        {
            error = null;
            at = null;
            return true;
        }

        error = $"Cannot compare number : {text}";
        at = node;
        return false;
    }

    /// <summary>How the JSON reader prints a token: text of strings and numbers, the bracket of containers, "]" at the end.</summary>
    private static string TokenText(List<Node> items, int index) => index >= items.Count
        ? "]"
        : items[index] switch
        {
            ObjectNode => "{",
            ArrayNode => "[",
            ScalarNode { Kind: ScalarKind.Boolean } b => b.Value.ToLowerInvariant(),
            ScalarNode { Kind: ScalarKind.Null } => "null",
            ScalarNode s => s.Value,
            _ => "]",
        };

    private static ValueMatcher? Fail(string message, Node node, out string? error, out Node? at)
    {
        error = message;
        at = node;
        return null;
    }
}
