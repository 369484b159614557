using System.Collections.Immutable;
using PolicyGate.Config;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// The value of each template parameter: given from outside (configuration, template configuration file,
/// <c>--parameter</c>), else its Default, else unknown. An unknown parameter with AllowedValues is a choice
/// among them (CloudFormation rejects anything else). SSM parameter types are unknown unless given: their
/// Default names an SSM parameter whose value is read at deploy time.
/// </summary>
public sealed class ParameterValues(IReadOnlyDictionary<string, ParameterValue> given, int maxAlternatives)
{
    private readonly Dictionary<string, Node> _canonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _allowed = new(StringComparer.Ordinal);

    /// <summary>The parameter's value, placed at the referencing expression.</summary>
    public Node ValueAt(TemplateParameter parameter, Node at)
    {
        if (!_canonical.TryGetValue(parameter.Name, out var value))
        {
            value = Compute(parameter, at);
            _canonical[parameter.Name] = value;
        }

        return NodeRelocation.To(value, at);
    }

    /// <summary>Where the value came from, for the parse output: "given", "default" or "unknown".</summary>
    public string SourceOf(TemplateParameter parameter) =>
        given.ContainsKey(parameter.Name) ? "given" : parameter.Default is not null && !parameter.IsSsm ? "default" : "unknown";

    private Node Compute(TemplateParameter parameter, Node at)
    {
        if (given.TryGetValue(parameter.Name, out var value))
        {
            return Materialize(parameter, value.IsList ? value.Items : [value.Text], at);
        }

        if (parameter.IsSsm)
        {
            var ssmName = parameter.Default is ScalarNode s ? s.Value : parameter.Name;
            return UnknownValues.Scalar(at, $"SSM {ssmName}", $"parameter {parameter.Name} is read from SSM parameter {ssmName} at deploy time; give --parameter {parameter.Name}=VALUE to check a value");
        }

        switch (parameter.Default)
        {
            case ScalarNode { Kind: not ScalarKind.Null } scalar:
                return Materialize(parameter, [scalar.Value], at);
            case ArrayNode list when list.Items.All(i => i is ScalarNode):
                return Materialize(parameter, list.Items.Cast<ScalarNode>().Select(i => i.Value).ToImmutableArray(), at);
        }

        return Unknown(parameter, at);
    }

    private Node Unknown(TemplateParameter parameter, Node at)
    {
        var reason = $"parameter {parameter.Name} has no Default and no value was given (--parameter {parameter.Name}=VALUE)";
        var allowed = AllowedValues(parameter);
        if (allowed.Count is > 0 && allowed.Count <= maxAlternatives && !parameter.IsList)
        {
            var alternatives = allowed.Select(v => (Node)new ScalarNode(at.File, at.Span, ScalarKind.String, v, ScalarStyle.Synthesized)).ToImmutableArray();
            return alternatives.Length == 1
                ? alternatives[0]
                : new ChoiceNode(at.File, at.Span, alternatives, $"parameter {parameter.Name} is one of its AllowedValues; no value was given");
        }

        return UnknownValues.Scalar(at, $"Ref {parameter.Name}", reason);
    }

    private IReadOnlyList<string> AllowedValues(TemplateParameter parameter)
    {
        if (!_allowed.TryGetValue(parameter.Name, out var values))
        {
            values = parameter.Declaration?["AllowedValues"] is ArrayNode list
                ? list.Items.OfType<ScalarNode>().Select(s => s.Value).Distinct(StringComparer.Ordinal).ToList()
                : [];
            _allowed[parameter.Name] = values;
        }

        return values;
    }

    private static Node Materialize(TemplateParameter parameter, ImmutableArray<string> items, Node at)
    {
        if (!parameter.IsList)
        {
            return new ScalarNode(at.File, at.Span, ScalarKind.String, string.Join(',', items), ScalarStyle.Synthesized);
        }

        // A list parameter given as one string is split at commas, as CloudFormation does.
        var parts = items.Length == 1 ? items[0].Split(',') : items.ToArray();
        return new ArrayNode(at.File, at.Span, parts.Select(p => (Node)new ScalarNode(at.File, at.Span, ScalarKind.String, p, ScalarStyle.Synthesized)).ToImmutableArray());
    }
}

/// <summary>Copies a resolved value to a new place: every node of the copy has the span of the referencing expression.</summary>
public static class NodeRelocation
{
    public static Node To(Node value, Node at)
    {
        if (ReferenceEquals(value.File, at.File) && value.Span == at.Span)
        {
            return value;
        }

        return value switch
        {
            ScalarNode s => s with { File = at.File, Span = at.Span },
            ArrayNode a => new ArrayNode(at.File, at.Span, a.Items.Select(i => To(i, at)).ToImmutableArray()),
            ObjectNode o => new ObjectNode(at.File, at.Span, o.Properties.Select(p => p with { KeySpan = at.Span, Value = To(p.Value, at) }).ToImmutableArray()),
            ChoiceNode c => new ChoiceNode(at.File, at.Span, c.Alternatives.Select(i => To(i, at)).ToImmutableArray(), c.Reason),
            _ => new AbsentNode(at.File, at.Span),
        };
    }
}
