using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Base64, Fn::Length and Fn::ToJsonString. Unknown parts of
/// their inputs stay unknown segments of their outputs; when an input is a choice, each alternative is
/// computed (up to <see cref="IntrinsicResolver.MaxAlternatives"/> combinations) and the result is a choice.
/// </summary>
internal sealed class TextFunctions(IntrinsicResolver resolver)
{
    private TemplateDiagnostics Diagnostics => resolver.Diagnostics;

    public Node Sub(ObjectNode call, Node argument, Bindings bindings)
    {
        ScalarNode? template;
        ObjectNode? variables = null;
        switch (argument)
        {
            case ScalarNode { IsString: true } s:
                template = s;
                break;
            case ArrayNode { Items.Length: 2 } pair when pair.Items[0] is ScalarNode { IsString: true } s && pair.Items[1] is ObjectNode map:
                template = s;
                variables = map;
                break;
            default:
                return resolver.Invalid(call, "Fn::Sub takes a string, or [string, {Variable: value, ...}]");
        }

        var parts = new List<IReadOnlyList<Node?>>();
        var text = template.Value;
        var literal = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("${", position, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, position, text.Length - position);
                break;
            }

            literal.Append(text, position, open - position);
            var close = text.IndexOf('}', open + 2);
            if (close < 0)
            {
                // An unclosed ${ is plain text to CloudFormation.
                literal.Append(text, open, text.Length - open);
                break;
            }

            var name = text[(open + 2)..close];
            position = close + 1;
            if (name.StartsWith('!'))
            {
                // ${!Literal} is written out as ${Literal}: how IAM policy variables survive Fn::Sub.
                literal.Append("${").Append(name, 1, name.Length - 1).Append('}');
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add([Text(literal.ToString(), call)]);
                literal.Clear();
            }

            parts.Add(Variable(call, name, variables, bindings, (template, open, position)).Alternatives().Cast<Node?>().DefaultIfEmpty(null).ToList());
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add([Text(literal.ToString(), call)]);
        }

        return Concatenate(call, parts, separator: null, "Fn::Sub");
    }

    /// <param name="written">Where the variable is written, located only when it must be reported.</param>
    private Node Variable(ObjectNode call, string name, ObjectNode? variables, Bindings bindings, (ScalarNode Template, int Start, int End) written)
    {
        if (variables?[name] is { } given)
        {
            return resolver.Resolve(given, bindings);
        }

        var dot = name.IndexOf('.');
        if (dot > 0 && resolver.Template.ResourcesById.TryGetValue(name[..dot], out var resource))
        {
            return resolver.Resources.GetAtt(resource, name[(dot + 1)..], call);
        }

        if (resolver.TryReference(name, call, bindings) is { } value)
        {
            return value;
        }

        var hint = name.Contains(':', StringComparison.Ordinal)
            ? $"; to keep the IAM policy variable ${{{name}}} write ${{!{name}}}"
            : ReferenceMessages.Closest(name, resolver.Template.Parameters.Keys.Concat(resolver.Template.ResourcesById.Keys)) is { } close ? $"; did you mean {close}?" : string.Empty;
        var variableSpan = EmbeddedJson.SpanWithin(written.Template, written.Start, written.End, resolver.Text);
        Diagnostics.Add(TemplateDiagnosticKind.UnresolvableReference, variableSpan, $"Fn::Sub variable ${{{name}}} is not a parameter, resource, attribute or pseudo parameter{hint}");
        return UnknownValues.Scalar(call, name, $"${{{name}}} does not resolve");
    }

    public Node Join(ObjectNode call, Node argument, Bindings bindings)
    {
        if (argument is not ArrayNode { Items.Length: 2 } args)
        {
            return resolver.Invalid(call, "Fn::Join takes [delimiter, [values...]]");
        }

        var delimiter = resolver.KnownString(args.Items[0], bindings, "Fn::Join", "the delimiter", call);
        if (delimiter is null)
        {
            return UnknownValues.Scalar(call, "Join", "the delimiter is not known offline");
        }

        var results = new List<Node>();
        foreach (var (items, instead) in ListAlternatives(call, args.Items[1], bindings, "Join", "to join"))
        {
            if (items is null)
            {
                results.Add(instead!);
                continue;
            }

            var parts = items.Items.Select(Item).ToList();
            results.Add(Concatenate(call, parts, delimiter, "Fn::Join"));
        }

        return Alternatives(call, results, "the list to join depends on a condition");

        // An item that may be absent (Fn::If with AWS::NoValue) contributes a null alternative.
        static IReadOnlyList<Node?> Item(Node item) =>
            item is ChoiceNode choice ? Flatten(choice).ToList() : [item];

        static IEnumerable<Node?> Flatten(ChoiceNode choice)
        {
            foreach (var alternative in choice.Alternatives)
            {
                if (alternative is ChoiceNode inner)
                {
                    foreach (var x in Flatten(inner))
                    {
                        yield return x;
                    }
                }
                else
                {
                    yield return alternative is AbsentNode ? null : alternative;
                }
            }
        }
    }

    public Node Select(ObjectNode call, Node argument, Bindings bindings)
    {
        if (argument is not ArrayNode { Items.Length: 2 } args)
        {
            return resolver.Invalid(call, "Fn::Select takes [index, [values...]]");
        }

        var indexes = resolver.Resolve(args.Items[0], bindings).Alternatives().ToList();
        var results = new List<Node>();
        foreach (var (items, instead) in ListAlternatives(call, args.Items[1], bindings, "Select", "to select from"))
        {
            if (items is null)
            {
                results.Add(instead!);
                continue;
            }

            foreach (var index in indexes)
            {
                if (index is ScalarNode { HasUnknowns: true })
                {
                    // Any item may be selected.
                    results.AddRange(items.Items.SelectMany(i => i.Alternatives()));
                    continue;
                }

                if (index is not ScalarNode { Kind: ScalarKind.String or ScalarKind.Number } s || !int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    results.Add(resolver.Invalid(args.Items[0], $"the index of Fn::Select must be a whole number, not {(index is ScalarNode sc ? $"\"{sc.Value}\"" : index.KindName)}"));
                    continue;
                }

                if (i >= items.Items.Length)
                {
                    results.Add(resolver.Invalid(args.Items[0], $"Fn::Select index {i} is out of range: the list has {items.Items.Length} item{(items.Items.Length == 1 ? string.Empty : "s")}"));
                    continue;
                }

                results.Add(items.Items[i]);
            }
        }

        return Alternatives(call, results, "the selected item depends on a value not known offline");
    }

    public Node Split(ObjectNode call, Node argument, Bindings bindings)
    {
        if (argument is not ArrayNode { Items.Length: 2 } args)
        {
            return resolver.Invalid(call, "Fn::Split takes [delimiter, string]");
        }

        var delimiter = resolver.KnownString(args.Items[0], bindings, "Fn::Split", "the delimiter", call);
        if (string.IsNullOrEmpty(delimiter))
        {
            return delimiter is null ? UnknownValues.Scalar(call, "Split", "the delimiter is not known offline") : resolver.Invalid(args.Items[0], "the delimiter of Fn::Split must not be empty");
        }

        var results = new List<Node>();
        foreach (var source in resolver.Resolve(args.Items[1], bindings).Alternatives())
        {
            results.Add(source switch
            {
                ScalarNode { HasUnknowns: false, Kind: not ScalarKind.Null } s => new ArrayNode(call.File, call.Span,
                    s.Value.Split(delimiter).Select(p => (Node)Text(p, call)).ToImmutableArray()),
                ScalarNode { HasUnknowns: true } => UnknownValues.Scalar(call, "Split", "the string to split is not fully known offline, so neither are its parts"),
                _ => resolver.Invalid(args.Items[1], $"Fn::Split splits a string, not {source.KindName}"),
            });
        }

        return Alternatives(call, results, "the string to split depends on a condition");
    }

    public Node Base64(ObjectNode call, Node argument, Bindings bindings)
    {
        var results = new List<Node>();
        foreach (var value in resolver.Resolve(argument, bindings).Alternatives())
        {
            results.Add(value switch
            {
                ScalarNode { HasUnknowns: false, Kind: not ScalarKind.Null } s => Text(Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Value)), call),
                ScalarNode { HasUnknowns: true } => UnknownValues.Scalar(call, "Base64", "the encoded string is not fully known offline"),
                _ => resolver.Invalid(argument, $"Fn::Base64 encodes a string, not {value.KindName}"),
            });
        }

        return Alternatives(call, results, "the encoded string depends on a condition");
    }

    public Node Length(ObjectNode call, Node argument, Bindings bindings)
    {
        RequireLanguageExtensions(call, "Fn::Length");
        var results = new List<Node>();
        foreach (var value in resolver.Resolve(argument, bindings).Alternatives())
        {
            results.Add(value switch
            {
                ArrayNode a when a.Items.Any(i => i is ChoiceNode c && c.Alternatives.Any(x => x is AbsentNode)) =>
                    UnknownValues.Scalar(call, "Length", "some items of the list depend on a condition"),
                ArrayNode a => new ScalarNode(call.File, call.Span, ScalarKind.Number, a.Items.Length.ToString(CultureInfo.InvariantCulture), ScalarStyle.Synthesized),
                ScalarNode { HasUnknowns: true } => UnknownValues.Scalar(call, "Length", "the list is not known offline"),
                _ => resolver.Invalid(argument, $"Fn::Length counts a list, not {value.KindName}"),
            });
        }

        return Alternatives(call, results, "the list depends on a condition");
    }

    public Node ToJsonString(ObjectNode call, Node argument, Bindings bindings)
    {
        RequireLanguageExtensions(call, "Fn::ToJsonString");
        var value = resolver.Resolve(argument, bindings);
        if (value is not (ObjectNode or ArrayNode or ChoiceNode))
        {
            return value is ScalarNode { HasUnknowns: true } ? UnknownValues.Scalar(call, "ToJsonString", "the value is not known offline") : resolver.Invalid(argument, $"Fn::ToJsonString converts an object or a list, not {value.KindName}");
        }

        resolver.JsonSources[call.Span] = value;
        var text = new UnknownAwareText();
        NodeText.WriteJson(value, text);
        return text.Build(call.File, call.Span);
    }

    /// <summary>Each alternative of a list argument: the list, or else the unknown or invalid value that stands for the result.</summary>
    private IEnumerable<(ArrayNode? Items, Node? Instead)> ListAlternatives(ObjectNode call, Node argument, Bindings bindings, string function, string purpose)
    {
        foreach (var list in resolver.Resolve(argument, bindings).Alternatives())
        {
            yield return list is ArrayNode items
                ? (items, null)
                : (null, list is ScalarNode { HasUnknowns: true }
                    ? UnknownValues.Scalar(call, function, $"the list {purpose} is not known offline")
                    : resolver.Invalid(argument, $"Fn::{function} needs a list {purpose}, not {list.KindName}"));
        }
    }

    private void RequireLanguageExtensions(Node at, string function)
    {
        if (!resolver.Template.HasLanguageExtensions)
        {
            Diagnostics.Add(TemplateDiagnosticKind.InvalidIntrinsic, at, $"{function} needs Transform: AWS::LanguageExtensions");
        }
    }

    private static ScalarNode Text(string value, Node at) => new(at.File, at.Span, ScalarKind.String, value, ScalarStyle.Synthesized);

    /// <summary>
    /// Concatenates parts, each with its alternatives (null: the part is absent), separated by
    /// <paramref name="separator"/> between present parts. One combination gives a string; several a choice.
    /// </summary>
    private Node Concatenate(ObjectNode call, List<IReadOnlyList<Node?>> parts, string? separator, string function)
    {
        long combinations = 1;
        foreach (var part in parts)
        {
            combinations *= Math.Max(1, part.Count);
            if (combinations > IntrinsicResolver.MaxAlternatives)
            {
                Diagnostics.Add(TemplateDiagnosticKind.ResolutionLimit, call, $"{function} combines more than {IntrinsicResolver.MaxAlternatives} alternatives; the value is left unknown");
                return new UnknownAwareText().AppendUnknown(function, $"{function} has too many alternatives to resolve").Build(call.File, call.Span);
            }
        }

        var results = new List<Node>();
        var choice = new int[parts.Count];
        for (var n = 0; n < combinations; n++)
        {
            var text = new UnknownAwareText();
            var first = true;
            for (var p = 0; p < parts.Count; p++)
            {
                var value = parts[p].Count == 0 ? null : parts[p][choice[p]];
                if (value is null)
                {
                    continue;
                }

                if (!first && separator is not null)
                {
                    text.Append(separator);
                }

                first = false;
                switch (value)
                {
                    case ScalarNode { Kind: ScalarKind.Boolean } b:
                        text.Append(b.Value.ToLowerInvariant());
                        break;
                    case ScalarNode { Kind: not ScalarKind.Null } s:
                        text.Append(s);
                        break;
                    default:
                        Diagnostics.Add(TemplateDiagnosticKind.InvalidIntrinsic, value, $"{function} needs strings here, not {value.KindName}");
                        text.AppendUnknown("invalid", $"{function} was given {value.KindName} where a string is needed");
                        break;
                }

                if (text.Length > IntrinsicResolver.MaxStringLength)
                {
                    Diagnostics.Add(TemplateDiagnosticKind.ResolutionLimit, call, $"{function} builds a string longer than {IntrinsicResolver.MaxStringLength:N0} characters; the value is left unknown");
                    return UnknownValues.Scalar(call, function, "the string is too long to resolve");
                }
            }

            results.Add(text.Build(call.File, call.Span));

            // Next combination (odometer).
            for (var p = parts.Count - 1; p >= 0; p--)
            {
                if (++choice[p] < Math.Max(1, parts[p].Count))
                {
                    break;
                }

                choice[p] = 0;
            }
        }

        return Alternatives(call, results, $"the value of {function} depends on a condition");
    }

    private static Node Alternatives(ObjectNode call, List<Node> results, string reason)
    {
        if (results.Count == 1)
        {
            return results[0];
        }

        var distinct = results.DistinctBy(NodeText.Canonical).ToList();
        return distinct.Count switch
        {
            0 => UnknownValues.Scalar(call, "empty", reason),
            1 => distinct[0],
            _ => new ChoiceNode(call.File, call.Span, distinct.ToImmutableArray(), reason),
        };
    }
}
