using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// What <c>Ref</c> and <c>Fn::GetAtt</c> give for a resource, from <see cref="ResourceTypeCatalog"/>: names
/// and ARNs built from the resource's name property (or the name CloudFormation generates, whose random
/// suffix stays unknown), the pseudo parameters, and unknown parts for ids only AWS assigns. Names are
/// resolved once per resource; a name that depends on itself is reported and left unknown.
/// </summary>
public sealed class ResourceValues(IntrinsicResolver resolver)
{
    private readonly Dictionary<string, ScalarNode> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _naming = new(StringComparer.Ordinal);

    public Node Ref(TemplateResource resource, Node at)
    {
        if (ResourceTypeCatalog.Find(resource.Type) is not { } info)
        {
            return UnknownValues.Scalar(at, $"Ref {resource.LogicalId}", UnknownValues.AssignedByAws + $"the physical id of {resource.LogicalId} ({resource.Type})");
        }

        return Render(info.Ref, info, resource, at);
    }

    public Node GetAtt(TemplateResource resource, string attribute, Node at)
    {
        if (ResourceTypeCatalog.Find(resource.Type) is not { } info || !info.Attributes.TryGetValue(attribute, out var format))
        {
            return UnknownValues.Scalar(at, $"GetAtt {resource.LogicalId}.{attribute}",
                UnknownValues.AssignedByAws + $"attribute {attribute} of {resource.LogicalId} ({resource.Type})");
        }

        return Render(format, info, resource, at);
    }

    /// <summary>Fills in a return-value format; see <see cref="ResourceTypeInfo"/> for its placeholders.</summary>
    private ScalarNode Render(string format, ResourceTypeInfo info, TemplateResource resource, Node at)
    {
        var text = new UnknownAwareText();
        var position = 0;
        while (position < format.Length)
        {
            var open = format.IndexOf("${", position, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(format[position..]);
                break;
            }

            text.Append(format[position..open]);
            var close = format.IndexOf('}', open);
            var token = format[(open + 2)..close];
            position = close + 1;
            switch (token)
            {
                case "Partition": text.Append(resolver.Deployment.Partition); break;
                case "Region": text.Append(resolver.Deployment.Region); break;
                case "AccountId": text.Append(resolver.Deployment.AccountId); break;
                case "URLSuffix": text.Append(resolver.Deployment.UrlSuffix); break;
                case "Name": text.Append(NameOf(info, resource)); break;
                case "Path": AppendProperty(text, resource, "Path", "/"); break;
                case "RuleBusPath": AppendRuleBusPath(text, resource); break;
                case var attribute when attribute.StartsWith('@'):
                    text.Append(Render(info.Attributes[attribute[1..]], info, resource, at));
                    break;
                case var unknown when unknown.StartsWith('?'):
                    text.AppendUnknown($"{resource.LogicalId} {unknown[1..]}", UnknownValues.AssignedByAws + $"the {unknown[1..]} of {resource.LogicalId}");
                    break;
                case var property when property.StartsWith("Prop:", StringComparison.Ordinal):
                    var bar = property.IndexOf('|');
                    AppendProperty(text, resource, bar < 0 ? property[5..] : property[5..bar], bar < 0 ? null : property[(bar + 1)..]);
                    break;
            }
        }

        return text.Build(at.File, at.Span);
    }

    private void AppendProperty(UnknownAwareText text, TemplateResource resource, string name, string? fallback)
    {
        var value = resource.Property(name) is { } raw ? resolver.Resolve(raw) : null;
        switch (value)
        {
            case null or AbsentNode when fallback is not null:
                text.Append(fallback);
                break;
            case ScalarNode { Kind: not ScalarKind.Null } scalar:
                text.Append(scalar);
                break;
            default:
                text.AppendUnknown($"{resource.LogicalId} {name}", $"property {name} of {resource.LogicalId} is not known offline");
                break;
        }
    }

    /// <summary>A rule on a custom bus has the ARN <c>rule/bus-name/rule-name</c>; on the default bus <c>rule/rule-name</c>.</summary>
    private void AppendRuleBusPath(UnknownAwareText text, TemplateResource resource)
    {
        var bus = resource.Property("EventBusName") is { } raw ? resolver.Resolve(raw) : null;
        switch (bus)
        {
            case null or AbsentNode:
                return;
            case ScalarNode { HasUnknowns: false } known:
                var name = known.Value.Contains(":event-bus/", StringComparison.Ordinal) ? known.Value[(known.Value.LastIndexOf('/') + 1)..] : known.Value;
                if (name != "default")
                {
                    text.Append(name + "/");
                }

                return;
            default:
                text.AppendUnknown($"{resource.LogicalId} event bus", $"the event bus of {resource.LogicalId} is not known offline");
                return;
        }
    }

    /// <summary>The physical name: the name property resolved, or the generated name with an unknown suffix.</summary>
    private ScalarNode NameOf(ResourceTypeInfo info, TemplateResource resource)
    {
        if (_names.TryGetValue(resource.LogicalId, out var cached))
        {
            return cached;
        }

        var property = info.NameProperty is null ? null : resource.Property(info.NameProperty);
        ScalarNode name;
        if (property is not null)
        {
            if (!_naming.Add(resource.LogicalId))
            {
                resolver.Diagnostics.Add(TemplateDiagnosticKind.CircularDependency, property,
                    $"the {info.NameProperty} of {resource.LogicalId} depends on itself (through {string.Join(" -> ", _naming)} -> {resource.LogicalId})");
                return UnknownValues.Scalar(property, $"{resource.LogicalId} name", $"the name of {resource.LogicalId} depends on itself");
            }

            var resolved = resolver.Resolve(property);
            _naming.Remove(resource.LogicalId);
            name = resolved is ScalarNode { Kind: ScalarKind.String or ScalarKind.Number or ScalarKind.Unknown } s
                ? s
                : UnknownValues.Scalar(property, $"{resource.LogicalId} name", $"the {info.NameProperty} of {resource.LogicalId} is not known offline");
        }
        else
        {
            name = Generated(info, resource);
        }

        _names[resource.LogicalId] = name;
        return name;
    }

    private ScalarNode Generated(ResourceTypeInfo info, TemplateResource resource)
    {
        var at = resource.Definition;
        var text = new UnknownAwareText();
        if (info.Generated == GeneratedName.None)
        {
            return UnknownValues.Scalar(at, $"{resource.LogicalId} name", $"the name of {resource.LogicalId} is not set in the template");
        }

        var prefix = $"{resolver.Deployment.StackName}-{resource.LogicalId}-";
        if (info.Generated == GeneratedName.LowerStackAndLogicalId)
        {
            prefix = prefix.ToLowerInvariant();
        }

        // Long generated names are truncated by CloudFormation, so only a short prefix is certain.
        if (prefix.Length <= 40)
        {
            text.Append(prefix);
        }

        text.AppendUnknown($"{resource.LogicalId} generated name", UnknownValues.AssignedByAws + $"the random suffix CloudFormation adds to the name of {resource.LogicalId} (set {info.NameProperty} to fix it)");
        return text.Build(at.File, at.Span);
    }
}
