using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>A declared template parameter.</summary>
public sealed record TemplateParameter(string Name, SourceSpan KeySpan, string Type, Node? Default)
{
    /// <summary>The declaration as written (AllowedValues, ...).</summary>
    public ObjectNode? Declaration { get; init; }

    /// <summary>SSM parameter types: the Default is the name of an SSM parameter, the value is read at deploy time.</summary>
    public bool IsSsm => Type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal);

    /// <summary>Parameters whose Ref gives a list of strings.</summary>
    public bool IsList => Type == "CommaDelimitedList"
                          || Type.StartsWith("List<", StringComparison.Ordinal)
                          || Type.StartsWith("AWS::SSM::Parameter::Value<List<", StringComparison.Ordinal)
                          || Type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
}

/// <summary>
/// A resource of the template: its logical id, definition and the attributes that matter offline.
/// <see cref="Implicit"/> resources are the ones a transform adds (the role SAM creates for a function).
/// </summary>
public sealed record TemplateResource(string LogicalId, SourceSpan KeySpan, ObjectNode Definition, string Type)
{
    /// <summary>The Properties as written (null when absent or not a mapping).</summary>
    public Node? Properties { get; init; }

    public ScalarNode? Condition { get; init; }

    public ObjectNode? Metadata { get; init; }

    public ImmutableArray<ScalarNode> DependsOn { get; init; } = [];

    public bool Implicit { get; init; }

    /// <summary>The CDK construct path from <c>Metadata: aws:cdk:path</c>, when present.</summary>
    public string? ConstructPath { get; init; }

    /// <summary>From the logical id to the end of the definition: the scope of a resource-level suppression.</summary>
    public SourceSpan Span => KeySpan.Union(Definition.Span);

    /// <summary>The literal value of a property as written, or null.</summary>
    public Node? Property(string name) => (Properties as ObjectNode)?[name];
}

/// <summary>
/// A CloudFormation (or SAM) template over a located document: the sections PolicyGate resolves. Built by
/// <see cref="TemplateReader"/>, which reports malformed sections instead of throwing.
/// </summary>
public sealed class CloudFormationTemplate
{
    public required ObjectNode Root { get; init; }

    public SourceFile File => Root.File;

    public required IReadOnlyDictionary<string, TemplateParameter> Parameters { get; init; }

    public ObjectNode? Mappings { get; init; }

    public required IReadOnlyDictionary<string, PropertyNode> Conditions { get; init; }

    /// <summary>Resources in template order (implicit ones after their source).</summary>
    public required IReadOnlyList<TemplateResource> Resources { get; init; }

    public required IReadOnlyDictionary<string, TemplateResource> ResourcesById { get; init; }

    public ObjectNode? Outputs { get; init; }

    public ObjectNode? Metadata { get; init; }

    /// <summary>The transforms declared, for example <c>AWS::Serverless-2016-10-31</c>.</summary>
    public ImmutableArray<string> Transforms { get; init; } = [];

    public bool IsServerless => Transforms.Contains(TemplateReader.ServerlessTransform);

    public bool HasLanguageExtensions => Transforms.Contains(TemplateReader.LanguageExtensionsTransform);
}
