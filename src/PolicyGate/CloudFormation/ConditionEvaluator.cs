using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>A condition's value offline: decided, or not decidable (both branches must then be kept).</summary>
public enum ConditionValue
{
    False,
    True,
    Unknown,
}

/// <summary>
/// Evaluates the Conditions section with three-valued logic (Fn::Equals, Fn::And, Fn::Or, Fn::Not and
/// Condition references). Each condition is evaluated once; a condition that depends on itself is reported
/// at its declaration and is unknown.
/// </summary>
public sealed class ConditionEvaluator(IntrinsicResolver resolver)
{
    private readonly Dictionary<string, ConditionValue> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);
    private int _depth;

    /// <summary>The value of a named condition; a missing name is reported at <paramref name="reference"/>.</summary>
    public ConditionValue Evaluate(string name, Node reference)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        var template = resolver.Template;
        if (!template.Conditions.TryGetValue(name, out var declaration))
        {
            resolver.Diagnostics.Add(TemplateDiagnosticKind.UnresolvableReference, reference,
                $"condition {name} is not defined in the Conditions section{(ReferenceMessages.Closest(name, template.Conditions.Keys) is { } close ? $"; did you mean {close}?" : string.Empty)}");
            return ConditionValue.Unknown;
        }

        if (!_evaluating.Add(name))
        {
            resolver.Diagnostics.Add(TemplateDiagnosticKind.CircularDependency, declaration.KeySpan,
                $"condition {name} depends on itself (through {string.Join(" -> ", _evaluating)} -> {name})");
            return ConditionValue.Unknown;
        }

        if (_depth >= IntrinsicResolver.MaxDepth)
        {
            _evaluating.Remove(name);
            resolver.Diagnostics.Add(TemplateDiagnosticKind.ResolutionLimit, declaration.KeySpan,
                $"conditions refer to conditions more than {IntrinsicResolver.MaxDepth} levels deep here; {name} is left undecided");
            return ConditionValue.Unknown;
        }

        _depth++;
        var value = Expression(declaration.Value);
        _depth--;
        _evaluating.Remove(name);
        _values[name] = value;
        return value;
    }

    /// <summary>Why a condition is undecided, for the reason of a choice.</summary>
    public string WhyUnknown(string name) => $"condition {name} cannot be decided offline (it depends on values not known here)";

    /// <summary>The condition of a resource (its <c>Condition</c> attribute); true when it has none.</summary>
    public ConditionValue OfResource(TemplateResource resource) =>
        resource.Condition is { } condition ? Evaluate(condition.Value, condition) : ConditionValue.True;

    private ConditionValue Expression(Node node)
    {
        if (node is ScalarNode { Kind: ScalarKind.Boolean or ScalarKind.String } literal && bool.TryParse(literal.Value, out var constant))
        {
            return constant ? ConditionValue.True : ConditionValue.False;
        }

        if (node is not ObjectNode { Properties.Length: 1 } call)
        {
            return Invalid(node, $"a condition is Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, not {node.KindName}");
        }

        var argument = call.Properties[0].Value;
        switch (call.Properties[0].Key)
        {
            case "Fn::Equals":
                return argument is ArrayNode { Items.Length: 2 } pair ? Equals(pair.Items[0], pair.Items[1]) : Invalid(call, "Fn::Equals takes exactly two values");
            case "Fn::Not":
                return argument is ArrayNode { Items.Length: 1 } one
                    ? Expression(one.Items[0]) switch
                    {
                        ConditionValue.True => ConditionValue.False,
                        ConditionValue.False => ConditionValue.True,
                        _ => ConditionValue.Unknown,
                    }
                    : Invalid(call, "Fn::Not takes a list of exactly one condition");
            case "Fn::And" or "Fn::Or":
                return argument is ArrayNode { Items.Length: >= 2 and <= 10 } list
                    ? Combine(list, call.Properties[0].Key == "Fn::And")
                    : Invalid(call, $"{call.Properties[0].Key} takes a list of 2 to 10 conditions");
            case "Condition":
                return argument is ScalarNode { IsString: true } name ? Evaluate(name.Value, name) : Invalid(call, "Condition takes a condition name");
            default:
                return Invalid(call, $"{call.Properties[0].Key} cannot be used as a condition (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition)");
        }
    }

    private ConditionValue Combine(ArrayNode list, bool isAnd)
    {
        // Evaluate every operand (so each is checked), then apply three-valued logic.
        var values = list.Items.Select(Expression).ToList();
        var decisive = isAnd ? ConditionValue.False : ConditionValue.True;
        if (values.Contains(decisive))
        {
            return decisive;
        }

        return values.Contains(ConditionValue.Unknown) ? ConditionValue.Unknown : isAnd ? ConditionValue.True : ConditionValue.False;
    }

    private ConditionValue Equals(Node left, Node right)
    {
        var a = resolver.Resolve(left).Alternatives().ToList();
        var b = resolver.Resolve(right).Alternatives().ToList();
        if (a.Count * b.Count > IntrinsicResolver.MaxAlternatives * IntrinsicResolver.MaxAlternatives)
        {
            return ConditionValue.Unknown;
        }

        var sawTrue = false;
        var sawFalse = false;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                switch (Same(x, y))
                {
                    case ConditionValue.True: sawTrue = true; break;
                    case ConditionValue.False: sawFalse = true; break;
                    default: return ConditionValue.Unknown;
                }
            }
        }

        return sawTrue == sawFalse ? ConditionValue.Unknown : sawTrue ? ConditionValue.True : ConditionValue.False;
    }

    /// <summary>
    /// Equality of two concrete values. Partly known strings are unequal when their known prefixes or
    /// suffixes already differ; otherwise they are undecided.
    /// </summary>
    private static ConditionValue Same(Node x, Node y)
    {
        if (x is ScalarNode sx && y is ScalarNode sy)
        {
            if (!sx.HasUnknowns && !sy.HasUnknowns)
            {
                var equal = sx.Kind == ScalarKind.Boolean || sy.Kind == ScalarKind.Boolean
                    ? string.Equals(sx.Value, sy.Value, StringComparison.OrdinalIgnoreCase)
                    : string.Equals(sx.Value, sy.Value, StringComparison.Ordinal);
                return equal ? ConditionValue.True : ConditionValue.False;
            }

            return KnownEndsDiffer(sx, sy) ? ConditionValue.False : ConditionValue.Unknown;
        }

        if (x is ArrayNode ax && y is ArrayNode ay && ax.Items.Length == ay.Items.Length)
        {
            var result = ConditionValue.True;
            for (var i = 0; i < ax.Items.Length; i++)
            {
                var item = Same(ax.Items[i], ay.Items[i]);
                if (item == ConditionValue.False)
                {
                    return ConditionValue.False;
                }

                if (item == ConditionValue.Unknown)
                {
                    result = ConditionValue.Unknown;
                }
            }

            return result;
        }

        return x is ScalarNode { HasUnknowns: true } || y is ScalarNode { HasUnknowns: true } ? ConditionValue.Unknown : ConditionValue.False;
    }

    private static bool KnownEndsDiffer(ScalarNode x, ScalarNode y)
    {
        if (x.Kind == ScalarKind.Unknown || y.Kind == ScalarKind.Unknown)
        {
            return false;
        }

        var (px, sx) = KnownEnds(x);
        var (py, sy) = KnownEnds(y);
        var prefix = Math.Min(px.Length, py.Length);
        var suffix = Math.Min(sx.Length, sy.Length);
        return !px.AsSpan(0, prefix).SequenceEqual(py.AsSpan(0, prefix)) || !sx.AsSpan(sx.Length - suffix).SequenceEqual(sy.AsSpan(sy.Length - suffix));
    }

    /// <summary>The text before the first unknown part and after the last one (the whole text when fully known).</summary>
    private static (string Prefix, string Suffix) KnownEnds(ScalarNode s)
    {
        if (s.Unknowns.IsDefaultOrEmpty)
        {
            return (s.Value, s.Value);
        }

        var first = s.Unknowns.Min(u => u.Start);
        var last = s.Unknowns.Max(u => u.Start + u.Length);
        return (s.Value[..first], s.Value[last..]);
    }

    private ConditionValue Invalid(Node at, string message)
    {
        resolver.Diagnostics.Add(TemplateDiagnosticKind.InvalidIntrinsic, at, message);
        return ConditionValue.Unknown;
    }
}
