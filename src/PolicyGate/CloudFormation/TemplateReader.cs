using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Reads the sections of a template document into a <see cref="CloudFormationTemplate"/>. Shape problems
/// become <see cref="TemplateDiagnosticKind.InvalidStructure"/> diagnostics; what can still be read is kept.
/// </summary>
public static class TemplateReader
{
    public const string ServerlessTransform = "AWS::Serverless-2016-10-31";
    public const string LanguageExtensionsTransform = "AWS::LanguageExtensions";

    private static readonly HashSet<string> KnownTransforms = [ServerlessTransform, LanguageExtensionsTransform, "AWS::Include", "AWS::CodeDeployBlueGreen", "AWS::SecretsManager-2020-07-23"];

    private static readonly HashSet<string> ResourceAttributes =
        ["Type", "Properties", "Condition", "DependsOn", "Metadata", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy", "Version", "Connections"];

    public static CloudFormationTemplate Read(ObjectNode root, TemplateDiagnostics diagnostics)
    {
        var transforms = ReadTransforms(root["Transform"], diagnostics);
        var resources = ReadResources(root, transforms, diagnostics);
        return new CloudFormationTemplate
        {
            Root = root,
            Parameters = ReadParameters(root["Parameters"], diagnostics),
            Mappings = Section(root, "Mappings", diagnostics),
            Conditions = ReadConditions(Section(root, "Conditions", diagnostics)),
            Resources = resources,
            ResourcesById = resources.GroupBy(r => r.LogicalId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            Outputs = Section(root, "Outputs", diagnostics),
            Metadata = Section(root, "Metadata", diagnostics),
            Transforms = transforms,
        };
    }

    private static ObjectNode? Section(ObjectNode root, string name, TemplateDiagnostics diagnostics)
    {
        var value = root[name];
        if (value is null or ObjectNode or ScalarNode { Kind: ScalarKind.Null })
        {
            return value as ObjectNode;
        }

        diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, value, $"the {name} section must be a mapping, not {value.KindName}");
        return null;
    }

    private static ImmutableArray<string> ReadTransforms(Node? node, TemplateDiagnostics diagnostics)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var items = node switch
        {
            null => [],
            ArrayNode list => list.Items.ToList(),
            _ => [node],
        };
        foreach (var item in items)
        {
            // {"Name": "AWS::Include", "Parameters": {...}} is the long form of a transform.
            var name = item switch
            {
                ScalarNode { IsString: true } s => s,
                ObjectNode o when o["Name"] is ScalarNode { IsString: true } n => n,
                _ => null,
            };
            if (name is null)
            {
                diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, item, "a Transform is a macro name or a list of macro names");
                continue;
            }

            names.Add(name.Value);
            if (!KnownTransforms.Contains(name.Value))
            {
                diagnostics.Add(TemplateDiagnosticKind.UnsupportedFeature, name,
                    $"the macro {name.Value} is not expanded offline; resources it adds or changes are not checked");
            }
        }

        return names.ToImmutable();
    }

    private static Dictionary<string, TemplateParameter> ReadParameters(Node? node, TemplateDiagnostics diagnostics)
    {
        var result = new Dictionary<string, TemplateParameter>(StringComparer.Ordinal);
        if (node is not ObjectNode section)
        {
            if (node is not null and not ScalarNode { Kind: ScalarKind.Null })
            {
                diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, node, $"the Parameters section must be a mapping, not {node.KindName}");
            }

            return result;
        }

        foreach (var property in section.Properties)
        {
            if (property.Value is not ObjectNode declaration)
            {
                diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, property.Value, $"parameter {property.Key} must be a mapping with a Type");
                continue;
            }

            var type = declaration["Type"] as ScalarNode;
            if (type is not { IsString: true })
            {
                diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, property.KeySpan, $"parameter {property.Key} has no Type");
            }

            result[property.Key] = new TemplateParameter(property.Key, property.KeySpan, type?.Value ?? "String", declaration["Default"]) { Declaration = declaration };
        }

        return result;
    }

    private static Dictionary<string, PropertyNode> ReadConditions(ObjectNode? section) =>
        section?.Properties.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal)
        ?? new Dictionary<string, PropertyNode>(StringComparer.Ordinal);

    private static List<TemplateResource> ReadResources(ObjectNode root, ImmutableArray<string> transforms, TemplateDiagnostics diagnostics)
    {
        var list = new List<TemplateResource>();
        var section = root["Resources"];
        if (section is not ObjectNode resources)
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, section?.Span ?? root.StartLocation().Span,
                section is null ? "the template has no Resources section" : $"the Resources section must be a mapping, not {section.KindName}");
            return list;
        }

        foreach (var property in resources.Properties)
        {
            if (property.Key.StartsWith("Fn::ForEach::", StringComparison.Ordinal))
            {
                // Loops whose collection is known were expanded before reading (ForEachExpansion).
                diagnostics.Add(TemplateDiagnosticKind.UnsupportedFeature, property.KeySpan,
                    $"{property.Key} is not expanded offline; the resources it generates are not checked");
                continue;
            }

            if (ReadResource(property, diagnostics) is { } resource)
            {
                list.Add(resource);
            }
        }

        if (transforms.Contains(ServerlessTransform))
        {
            AddImplicitRoles(list);
        }

        return list;
    }

    private static TemplateResource? ReadResource(PropertyNode property, TemplateDiagnostics diagnostics)
    {
        if (!property.Key.All(char.IsAsciiLetterOrDigit) || property.Key.Length == 0)
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, property.KeySpan, $"logical id \"{property.Key}\" must be alphanumeric (A-Z, a-z, 0-9)");
        }

        if (property.Value is not ObjectNode definition)
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, property.Value, $"resource {property.Key} must be a mapping with a Type");
            return null;
        }

        if (definition["Type"] is not ScalarNode { IsString: true } type || type.Value.Length == 0)
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, property.KeySpan, $"resource {property.Key} has no Type");
            return null;
        }

        foreach (var attribute in definition.Properties.Where(p => !ResourceAttributes.Contains(p.Key)))
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, attribute.KeySpan, $"resource {property.Key} has an unknown attribute \"{attribute.Key}\" (Properties, Condition, DependsOn, Metadata, ... are allowed)");
        }

        var properties = definition["Properties"];
        if (properties is not null and not ObjectNode and not ScalarNode { Kind: ScalarKind.Null } && !IsIntrinsic(properties))
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, properties, $"the Properties of {property.Key} must be a mapping, not {properties.KindName}");
            properties = null;
        }

        var condition = definition["Condition"];
        if (condition is not null and not ScalarNode { IsString: true })
        {
            diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, condition, $"the Condition of {property.Key} must be a condition name");
        }

        var metadata = definition["Metadata"] as ObjectNode;
        return new TemplateResource(property.Key, property.KeySpan, definition, type.Value)
        {
            Properties = properties is ScalarNode ? null : properties,
            Condition = condition as ScalarNode is { IsString: true } c ? c : null,
            Metadata = metadata,
            DependsOn = ReadDependsOn(property.Key, definition["DependsOn"], diagnostics),
            ConstructPath = metadata?["aws:cdk:path"] is ScalarNode { IsString: true } path ? path.Value : null,
        };
    }

    private static ImmutableArray<ScalarNode> ReadDependsOn(string logicalId, Node? node, TemplateDiagnostics diagnostics)
    {
        var items = node switch
        {
            null => [],
            ScalarNode { IsString: true } one => [one],
            ArrayNode list => list.Items.ToList(),
            _ => [node],
        };
        var result = ImmutableArray.CreateBuilder<ScalarNode>();
        foreach (var item in items)
        {
            if (item is ScalarNode { IsString: true } name)
            {
                result.Add(name);
            }
            else
            {
                diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, item, $"DependsOn of {logicalId} must list logical ids, not {item.KindName}");
            }
        }

        return result.ToImmutable();
    }

    /// <summary>SAM creates a role named <c>&lt;Function&gt;Role</c> for a function or state machine without a Role.</summary>
    private static void AddImplicitRoles(List<TemplateResource> resources)
    {
        var ids = new HashSet<string>(resources.Select(r => r.LogicalId), StringComparer.Ordinal);
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            if (resource.Implicit || resource.Type is not ("AWS::Serverless::Function" or "AWS::Serverless::StateMachine") || resource.Property("Role") is not null)
            {
                continue;
            }

            var roleId = resource.LogicalId + "Role";
            if (ids.Add(roleId))
            {
                resources.Insert(i + 1, new TemplateResource(roleId, resource.KeySpan, resource.Definition, "AWS::IAM::Role") { Implicit = true, ConstructPath = resource.ConstructPath });
                i++;
            }
        }
    }

    /// <summary>A one-key mapping whose key is <c>Ref</c> or an <c>Fn::</c> function.</summary>
    public static bool IsIntrinsic(Node node) =>
        node is ObjectNode { Properties.Length: 1 } o && (o.Properties[0].Key == "Ref" || o.Properties[0].Key.StartsWith("Fn::", StringComparison.Ordinal));
}
