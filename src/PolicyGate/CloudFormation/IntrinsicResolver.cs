using System.Collections.Immutable;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.Spelling;

namespace PolicyGate.CloudFormation;

/// <summary>Names bound while resolving a SAM policy template (its parameters) or a Sub variable map.</summary>
public sealed record Bindings(IReadOnlyDictionary<string, Node> Values)
{
    public static Bindings None { get; } = new(new Dictionary<string, Node>());
}

/// <summary>
/// Resolves CloudFormation intrinsic functions offline into a new located tree. Literal nodes are kept as
/// they are; a function is replaced by its value, whose nodes carry the span of the function expression.
/// What cannot be known becomes an explicit unknown (<see cref="UnknownValues"/>); a condition that cannot be
/// decided keeps both branches in a <see cref="ChoiceNode"/>. Every bound (nesting, alternatives, string
/// size) ends in an unknown value and a located diagnostic, never in a hang.
/// </summary>
public sealed class IntrinsicResolver
{
    /// <summary>Nested function evaluations (including name chains between resources) before giving up.</summary>
    public const int MaxDepth = 100;

    /// <summary>Combinations of alternatives a function expands before its result becomes unknown.</summary>
    public const int MaxAlternatives = 32;

    /// <summary>Longest string a function may build (CloudFormation templates are at most 1 MB).</summary>
    public const int MaxStringLength = 1 << 20;

    private readonly ImmutableSortedDictionary<string, ParameterValue> _imports;
    private readonly ParameterValues _parameters;
    private readonly TextFunctions _text;
    private int _depth;
    private TemplateText? _templateText;

    public IntrinsicResolver(
        CloudFormationTemplate template,
        DeploymentValues deployment,
        IReadOnlyDictionary<string, ParameterValue> parameters,
        ImmutableSortedDictionary<string, ParameterValue> imports,
        TemplateDiagnostics diagnostics)
    {
        Template = template;
        Deployment = deployment;
        Diagnostics = diagnostics;
        _imports = imports;
        _parameters = new ParameterValues(parameters, MaxAlternatives);
        Conditions = new ConditionEvaluator(this);
        Resources = new ResourceValues(this);
        _text = new TextFunctions(this);
    }

    public CloudFormationTemplate Template { get; }

    public DeploymentValues Deployment { get; }

    public TemplateDiagnostics Diagnostics { get; }

    public ConditionEvaluator Conditions { get; }

    public ResourceValues Resources { get; }

    public ParameterValues Parameters => _parameters;

    /// <summary>The template's text, for locating parts of string values.</summary>
    public TemplateText Text => _templateText ??= new TemplateText(Template.File);

    /// <summary>The object or list each Fn::ToJsonString string was made from, by the function's span.</summary>
    public Dictionary<SourceSpan, Node> JsonSources { get; } = [];

    public Node Resolve(Node node) => Resolve(node, Bindings.None);

    public Node Resolve(Node node, Bindings bindings) => node switch
    {
        ObjectNode o when TemplateReader.IsIntrinsic(o) => Function(o, bindings),
        ObjectNode o => ResolveObject(o, bindings),
        ArrayNode a => ResolveArray(a, bindings),
        ScalarNode { IsString: true } s when s.Value.Contains("{{resolve:", StringComparison.Ordinal) => DynamicReferences.Mark(s),
        _ => node,
    };

    private Node ResolveObject(ObjectNode obj, Bindings bindings)
    {
        ImmutableArray<PropertyNode>.Builder? changed = null;
        for (var i = 0; i < obj.Properties.Length; i++)
        {
            var property = obj.Properties[i];
            var value = Resolve(property.Value, bindings);
            if (changed is null && ReferenceEquals(value, property.Value))
            {
                continue;
            }

            if (changed is null)
            {
                changed = ImmutableArray.CreateBuilder<PropertyNode>(obj.Properties.Length);
                changed.AddRange(obj.Properties, i);
            }

            if (value is not AbsentNode)
            {
                changed.Add(ReferenceEquals(value, property.Value) ? property : property with { Value = value });
            }
        }

        return changed is null ? obj : new ObjectNode(obj.File, obj.Span, changed.ToImmutable());
    }

    private Node ResolveArray(ArrayNode array, Bindings bindings)
    {
        ImmutableArray<Node>.Builder? changed = null;
        for (var i = 0; i < array.Items.Length; i++)
        {
            var item = array.Items[i];
            var value = Resolve(item, bindings);
            if (changed is null && ReferenceEquals(value, item))
            {
                continue;
            }

            if (changed is null)
            {
                changed = ImmutableArray.CreateBuilder<Node>(array.Items.Length);
                changed.AddRange(array.Items, i);
            }

            if (value is not AbsentNode)
            {
                changed.Add(value);
            }
        }

        return changed is null ? array : new ArrayNode(array.File, array.Span, changed.ToImmutable());
    }

    private Node Function(ObjectNode call, Bindings bindings)
    {
        var name = call.Properties[0].Key;
        if (_depth >= MaxDepth)
        {
            Diagnostics.Add(TemplateDiagnosticKind.ResolutionLimit, call, $"intrinsic functions nest deeper than {MaxDepth} levels here; the value is left unknown");
            return UnknownValues.Scalar(call, name, $"{name} nested too deep to resolve");
        }

        _depth++;
        try
        {
            var argument = call.Properties[0].Value;
            return name switch
            {
                "Ref" => Ref(call, argument, bindings),
                "Fn::GetAtt" => GetAtt(call, argument, bindings),
                "Fn::If" => If(call, argument, bindings),
                "Fn::FindInMap" => FindInMap(call, argument, bindings),
                "Fn::ImportValue" => ImportValue(call, argument, bindings),
                "Fn::GetAZs" => GetAzs(call, argument, bindings),
                "Fn::Sub" => _text.Sub(call, argument, bindings),
                "Fn::Join" => _text.Join(call, argument, bindings),
                "Fn::Select" => _text.Select(call, argument, bindings),
                "Fn::Split" => _text.Split(call, argument, bindings),
                "Fn::Base64" => _text.Base64(call, argument, bindings),
                "Fn::Length" => _text.Length(call, argument, bindings),
                "Fn::ToJsonString" => _text.ToJsonString(call, argument, bindings),
                "Fn::Cidr" => CidrFunction.Evaluate(this, call, argument, bindings),
                "Fn::Transform" => Unsupported(call, "Fn::Transform runs a macro at deploy time; its result is not known offline"),
                "Fn::Equals" or "Fn::And" or "Fn::Or" or "Fn::Not" => Invalid(call, $"{name} is only allowed in the Conditions section and as the condition of Fn::If"),
                "Fn::ForEach" => Invalid(call, "Fn::ForEach is only allowed as a key of Resources, Conditions or Outputs"),
                _ => Invalid(call, $"{name} is not an intrinsic function"),
            };
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>Reports an invalid function call and returns an unknown value in its place.</summary>
    internal ScalarNode Invalid(Node at, string message)
    {
        Diagnostics.Add(TemplateDiagnosticKind.InvalidIntrinsic, at, message);
        return UnknownValues.Scalar(at, "invalid", message);
    }

    private ScalarNode Unsupported(Node at, string message)
    {
        Diagnostics.Add(TemplateDiagnosticKind.UnsupportedFeature, at, message);
        return UnknownValues.Scalar(at, "Fn::Transform", message);
    }

    /// <summary>A function argument that must be a known string: its text, or null after reporting why not.</summary>
    internal string? KnownString(Node argument, Bindings bindings, string function, string what, Node at)
    {
        var value = Resolve(argument, bindings);
        if (value is ScalarNode { Kind: ScalarKind.String or ScalarKind.Number or ScalarKind.Boolean } s && s.Unknowns.IsDefaultOrEmpty)
        {
            return s.Value;
        }

        if (value is ScalarNode { HasUnknowns: true } or ChoiceNode)
        {
            return null;
        }

        Diagnostics.Add(TemplateDiagnosticKind.InvalidIntrinsic, argument, $"{function}: {what} must be a string, not {value.KindName}");
        return null;
    }

    private Node Ref(ObjectNode call, Node argument, Bindings bindings)
    {
        string? name = argument is ScalarNode { IsString: true } literal ? literal.Value : null;
        if (name is null && Template.HasLanguageExtensions && TemplateReader.IsIntrinsic(argument))
        {
            // AWS::LanguageExtensions allows a Ref whose target is computed.
            name = KnownString(argument, bindings, "Ref", "the referenced name", call);
            if (name is null)
            {
                return UnknownValues.Scalar(call, "Ref", "the name given to Ref is not known offline");
            }
        }

        if (name is null)
        {
            return Invalid(argument, $"Ref takes the name of a parameter, resource or pseudo parameter, not {argument.KindName}");
        }

        return TryReference(name, call, bindings) ?? MissingReference(call, name, "Ref");
    }

    /// <summary>What Ref gives for a name, or null when no parameter, resource, pseudo parameter or binding has it.</summary>
    internal Node? TryReference(string name, Node at, Bindings bindings)
    {
        if (bindings.Values.TryGetValue(name, out var bound))
        {
            return NodeRelocation.To(bound, at);
        }

        if (name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return PseudoParameter(name, at);
        }

        if (Template.Parameters.TryGetValue(name, out var parameter))
        {
            return _parameters.ValueAt(parameter, at);
        }

        return Template.ResourcesById.TryGetValue(name, out var resource) ? Resources.Ref(resource, at) : null;
    }

    internal ScalarNode MissingReference(Node at, string name, string function)
    {
        var candidates = Template.Parameters.Keys.Concat(Template.ResourcesById.Keys);
        Diagnostics.Add(TemplateDiagnosticKind.UnresolvableReference, at, ReferenceMessages.Missing(function, name, candidates));
        return UnknownValues.Scalar(at, $"{function} {name}", $"{name} is not defined in the template");
    }

    private Node PseudoParameter(string name, Node at)
    {
        string? text = name switch
        {
            "AWS::AccountId" => Deployment.AccountId,
            "AWS::Region" => Deployment.Region,
            "AWS::Partition" => Deployment.Partition,
            "AWS::URLSuffix" => Deployment.UrlSuffix,
            "AWS::StackName" => Deployment.StackName,
            "AWS::StackId" => Deployment.StackId,
            _ => null,
        };
        if (text is not null)
        {
            return new ScalarNode(at.File, at.Span, ScalarKind.String, text, ScalarStyle.Synthesized);
        }

        switch (name)
        {
            case "AWS::NoValue":
                return new AbsentNode(at.File, at.Span);
            case "AWS::NotificationARNs":
                return Deployment.NotificationArns is { } arns
                    ? new ArrayNode(at.File, at.Span, arns.Select(a => (Node)new ScalarNode(at.File, at.Span, ScalarKind.String, a, ScalarStyle.Synthesized)).ToImmutableArray())
                    : UnknownValues.Scalar(at, name, "the stack's notification ARNs are set at deploy time (pseudo-parameters: NotificationARNs)");
        }

        Diagnostics.Add(TemplateDiagnosticKind.UnknownPseudoParameter, at, ReferenceMessages.UnknownPseudoParameter(name));
        return UnknownValues.Scalar(at, name, $"{name} is not a pseudo parameter");
    }

    private Node GetAtt(ObjectNode call, Node argument, Bindings bindings)
    {
        string? resourceName = null;
        string? attribute = null;
        Node nameNode = argument;
        switch (argument)
        {
            case ScalarNode { IsString: true } dotted when dotted.Value.IndexOf('.') > 0:
                resourceName = dotted.Value[..dotted.Value.IndexOf('.')];
                attribute = dotted.Value[(dotted.Value.IndexOf('.') + 1)..];
                break;
            case ArrayNode { Items.Length: 2 } pair when pair.Items[0] is ScalarNode { IsString: true } r:
                resourceName = r.Value;
                nameNode = r;
                attribute = KnownString(pair.Items[1], bindings, "Fn::GetAtt", "the attribute name", call);
                if (attribute is null)
                {
                    return UnknownValues.Scalar(call, $"GetAtt {resourceName}", "the attribute name is not known offline");
                }

                break;
        }

        if (resourceName is null || attribute is null || attribute.Length == 0)
        {
            return Invalid(call, "Fn::GetAtt takes [LogicalId, Attribute] or \"LogicalId.Attribute\"");
        }

        if (!Template.ResourcesById.TryGetValue(resourceName, out var resource))
        {
            Diagnostics.Add(TemplateDiagnosticKind.UnresolvableReference, nameNode, ReferenceMessages.Missing("Fn::GetAtt", resourceName, Template.ResourcesById.Keys));
            return UnknownValues.Scalar(call, $"GetAtt {resourceName}.{attribute}", $"{resourceName} is not a resource of the template");
        }

        return Resources.GetAtt(resource, attribute, call);
    }

    private Node If(ObjectNode call, Node argument, Bindings bindings)
    {
        if (argument is not ArrayNode { Items.Length: 3 } args || args.Items[0] is not ScalarNode { IsString: true } condition)
        {
            return Invalid(call, "Fn::If takes [ConditionName, ValueIfTrue, ValueIfFalse]");
        }

        return Conditions.Evaluate(condition.Value, condition) switch
        {
            ConditionValue.True => Resolve(args.Items[1], bindings),
            ConditionValue.False => Resolve(args.Items[2], bindings),
            _ => new ChoiceNode(call.File, call.Span, [Resolve(args.Items[1], bindings), Resolve(args.Items[2], bindings)], Conditions.WhyUnknown(condition.Value)),
        };
    }

    private Node FindInMap(ObjectNode call, Node argument, Bindings bindings)
    {
        if (argument is not ArrayNode { Items.Length: 3 or 4 } args)
        {
            return Invalid(call, "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey] (and, with AWS::LanguageExtensions, {DefaultValue: ...})");
        }

        Node? fallback = null;
        if (args.Items.Length == 4)
        {
            if (args.Items[3] is not ObjectNode { } options || options["DefaultValue"] is not { } defaultValue)
            {
                return Invalid(args.Items[3], "the fourth argument of Fn::FindInMap is {DefaultValue: ...}");
            }

            if (!Template.HasLanguageExtensions)
            {
                Diagnostics.Add(TemplateDiagnosticKind.InvalidIntrinsic, args.Items[3], "Fn::FindInMap DefaultValue needs Transform: AWS::LanguageExtensions");
            }

            fallback = Resolve(defaultValue, bindings);
        }

        var mapName = KnownString(args.Items[0], bindings, "Fn::FindInMap", "the map name", call);
        if (mapName is null)
        {
            return UnknownValues.Scalar(call, "FindInMap", "the map name is not known offline");
        }

        if (Template.Mappings?[mapName] is not ObjectNode map)
        {
            if (fallback is not null)
            {
                return fallback;
            }

            Diagnostics.Add(TemplateDiagnosticKind.UnresolvableReference, args.Items[0], ReferenceMessages.Missing("Fn::FindInMap", mapName, Template.Mappings?.Properties.Select(p => p.Key) ?? []));
            return UnknownValues.Scalar(call, $"FindInMap {mapName}", $"mapping {mapName} is not defined");
        }

        var values = new List<Node>();
        var complete = true;
        foreach (var top in KeysOf(map, args.Items[1], bindings, mapName, fallback is null))
        {
            if (top is null)
            {
                complete = false;
                continue;
            }

            foreach (var second in KeysOf(top, args.Items[2], bindings, mapName, fallback is null))
            {
                if (second is null)
                {
                    complete = false;
                    continue;
                }

                values.Add(NodeRelocation.To(second, call));
            }
        }

        if (!complete && fallback is not null)
        {
            values.Add(fallback);
        }

        var distinct = values.Count == 1 ? values : values.DistinctBy(NodeText.Canonical).ToList();
        if (distinct.Count == 0)
        {
            return fallback ?? UnknownValues.Scalar(call, $"FindInMap {mapName}", $"no entry of mapping {mapName} matches");
        }

        if (distinct.Count > MaxAlternatives)
        {
            Diagnostics.Add(TemplateDiagnosticKind.ResolutionLimit, call, $"Fn::FindInMap could give {distinct.Count} values (more than {MaxAlternatives}); the value is left unknown");
            return UnknownValues.Scalar(call, $"FindInMap {mapName}", "too many possible mapping values");
        }

        return distinct.Count == 1 ? distinct[0] : new ChoiceNode(call.File, call.Span, distinct.ToImmutableArray(), $"the key into mapping {mapName} is not known offline");
    }

    /// <summary>
    /// The mapping entries a key may select: the one named, or every entry when the key is unknown. A null
    /// entry stands for "no entry" (a known key that is missing).
    /// </summary>
    private IEnumerable<Node?> KeysOf(Node level, Node keyArgument, Bindings bindings, string mapName, bool reportMissing)
    {
        if (level is not ObjectNode entries)
        {
            yield break;
        }

        var key = Resolve(keyArgument, bindings);
        var alternatives = key.Alternatives().ToList();
        if (alternatives.Any(a => a is not ScalarNode { HasUnknowns: false }))
        {
            foreach (var entry in entries.Properties)
            {
                yield return entry.Value;
            }

            yield break;
        }

        foreach (var alternative in alternatives.Cast<ScalarNode>())
        {
            var entry = entries[alternative.Value];
            if (entry is null && reportMissing)
            {
                Diagnostics.Add(TemplateDiagnosticKind.UnresolvableReference, keyArgument,
                    ReferenceMessages.Missing($"Fn::FindInMap (mapping {mapName})", alternative.Value, entries.Properties.Select(p => p.Key)));
            }

            yield return entry;
        }
    }

    private Node ImportValue(ObjectNode call, Node argument, Bindings bindings)
    {
        var name = KnownString(argument, bindings, "Fn::ImportValue", "the export name", call);
        if (name is null)
        {
            return UnknownValues.Scalar(call, "ImportValue", "the export name is not known offline");
        }

        if (_imports.TryGetValue(name, out var value))
        {
            return value.IsList
                ? new ArrayNode(call.File, call.Span, value.Items.Select(i => (Node)new ScalarNode(call.File, call.Span, ScalarKind.String, i, ScalarStyle.Synthesized)).ToImmutableArray())
                : new ScalarNode(call.File, call.Span, ScalarKind.String, value.Text, ScalarStyle.Synthesized);
        }

        return UnknownValues.Scalar(call, $"ImportValue {name}", $"export {name} comes from another stack; give its value under import-values to check it");
    }

    private Node GetAzs(ObjectNode call, Node argument, Bindings bindings)
    {
        var region = KnownString(argument, bindings, "Fn::GetAZs", "the region", call);
        var name = string.IsNullOrEmpty(region) ? Deployment.Region : region;
        return UnknownValues.Scalar(call, $"GetAZs {name}", $"the availability zones of {name} depend on the account");
    }
}

/// <summary>Messages about names that do not resolve, with a suggestion when one is close.</summary>
public static class ReferenceMessages
{
    public static string Missing(string function, string name, IEnumerable<string> candidates)
    {
        var hint = Closest(name, candidates) is { } close ? $"; did you mean {close}?" : string.Empty;
        return $"{function} {name}: no parameter, resource or other definition of that name in the template{hint}";
    }

    public static string UnknownPseudoParameter(string name)
    {
        var hint = Closest(name, DeploymentValues.PseudoParameterNames) is { } close ? $"; did you mean {close}?" : string.Empty;
        return $"{name} is not a pseudo parameter (they are {string.Join(", ", DeploymentValues.PseudoParameterNames)}){hint}";
    }

    internal static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) > 3)
            {
                continue;
            }

            var distance = SpellingSuggestions.Distance(candidate, name, ignoreCase: true);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 4) && bestDistance < name.Length ? best : null;
    }
}
