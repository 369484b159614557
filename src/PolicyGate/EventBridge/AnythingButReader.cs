using PolicyGate.Documents;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge;

/// <summary>Reads {"anything-but": ...} in every form EventBridge accepts, with its messages for the rest.</summary>
internal sealed class AnythingButReader(PatternCompiler compiler)
{
    private const string TooManyElements = "Too many elements in numeric expression";

    private enum Form
    {
        Plain,
        Prefix,
        Suffix,
        IgnoreCase,
        Wildcard,
    }

    public ValueMatcher? Read(ObjectNode expression, Node argument)
    {
        var form = Form.Plain;
        var inner = argument;
        ObjectNode? formObject = null;
        if (argument is ObjectNode obj)
        {
            formObject = obj;
            if (obj.Properties.IsEmpty)
            {
                return Fail(obj, "Anything-But expression name not found");
            }

            var op = obj.Properties[0];
            switch (op.Key)
            {
                case "equals-ignore-case": form = Form.IgnoreCase; break;
                case "prefix": form = Form.Prefix; break;
                case "suffix": form = Form.Suffix; break;
                case "wildcard": form = Form.Wildcard; break;
                default:
                    return FailAtKey(obj, op, $"Unsupported anything-but pattern: {op.Key}");
            }

            inner = PatternCompiler.Resolve(op.Value) ?? op.Value;
        }

        if (inner is not (ArrayNode or ScalarNode { Kind: ScalarKind.String or ScalarKind.Unknown or ScalarKind.Number }))
        {
            return Fail(inner, "Value of anything-but must be an array or single string/number value.");
        }

        var values = inner is ArrayNode list
            ? list.Items.Select(i => PatternCompiler.Resolve(i) ?? i).ToList()
            : [inner];
        var matcher = form == Form.Plain
            ? ReadPlain(expression, values, inner is ArrayNode)
            : ReadSet(expression, values, form);
        if (matcher is null)
        {
            return null;
        }

        if (formObject is not null && formObject.Properties.Length > 1)
        {
            return FailAtKey(formObject, formObject.Properties[1], TooManyElements);
        }

        if (expression.Properties.Length > 1)
        {
            return FailAtKey(expression, expression.Properties[1], TooManyElements);
        }

        return matcher;
    }

    private ValueMatcher? ReadPlain(ObjectNode expression, List<Node> values, bool isList)
    {
        var strings = new List<string>();
        var numbers = new List<double>();
        foreach (var value in values)
        {
            if (PatternCompiler.StringOf(value) is { } text)
            {
                strings.Add(text);
            }
            else if (value is ScalarNode { Kind: ScalarKind.Number } number)
            {
                if (!Float64Text.TryGetComparable(number.Value, out var d))
                {
                    return Fail(number, $"Cannot compare number : {number.Value}");
                }

                numbers.Add(d);
            }
            else
            {
                return Fail(value, "Inside anything but list, start|null|boolean is not supported.");
            }
        }

        if (isList && (strings.Count > 0) == (numbers.Count > 0))
        {
            return Fail(values.Count > 0 ? values[0] : expression, "Inside anything but list, either all values are number or string, mixed type is not supported");
        }

        return numbers.Count > 0
            ? AnythingButMatcher.Numbers(expression, numbers)
            : AnythingButMatcher.Strings(expression, strings);
    }

    private ValueMatcher? ReadSet(ObjectNode expression, List<Node> values, Form form)
    {
        var strings = new List<(string Text, Node Node)>();
        foreach (var value in values)
        {
            if (PatternCompiler.StringOf(value) is not { } text)
            {
                return Fail(value, form switch
                {
                    Form.IgnoreCase => "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
                    Form.Wildcard => "wildcard match pattern must be a string",
                    _ => "prefix/suffix match pattern must be a string",
                });
            }

            if (form is Form.Prefix or Form.Suffix && text.Length == 0)
            {
                return Fail(value, "Null prefix/suffix not allowed");
            }

            strings.Add((text, value));
        }

        switch (form)
        {
            case Form.Prefix:
                return AnythingButMatcher.Prefixes(expression, strings.Select(s => s.Text));
            case Form.Suffix:
                return AnythingButMatcher.Suffixes(expression, strings.Select(s => s.Text));
            case Form.IgnoreCase:
                return AnythingButMatcher.IgnoringCase(expression, strings.Select(s => s.Text));
            default:
                var parsed = new List<WildcardText>();
                foreach (var (text, node) in strings)
                {
                    if (WildcardText.Parse(text, out var error) is not { } wildcard)
                    {
                        return Fail(node, error!);
                    }

                    parsed.Add(wildcard);
                }

                return AnythingButMatcher.Wildcards(expression, parsed);
        }
    }

    private ValueMatcher? Fail(Node node, string reason)
    {
        compiler.ReportError(node, reason);
        return null;
    }

    private ValueMatcher? FailAtKey(ObjectNode owner, PropertyNode property, string reason)
    {
        compiler.ReportError(PatternError.AtKey(owner, property, reason));
        return null;
    }
}
