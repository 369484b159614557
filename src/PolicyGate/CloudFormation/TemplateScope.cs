using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>A resource whose Properties have been resolved, and whether its Condition holds.</summary>
public sealed record ResolvedResource(TemplateResource Resource, ObjectNode? Properties, ConditionValue Condition)
{
    public string LogicalId => Resource.LogicalId;

    public string Type => Resource.Type;
}

/// <summary>A policy taken from a template, with what the parse output shows besides the subject.</summary>
public sealed record ExtractedPolicy(PolicySubject Subject, string OwnerType, ConditionValue Condition, bool ExactSpans);

/// <summary>An event rule taken from a template (AWS::Events::Rule or a SAM function event).</summary>
public sealed record ExtractedEventRule(EventRuleSubject Rule, EventPatternSubject? Pattern, string OwnerType, ConditionValue Condition);

/// <summary>Everything one template yields, in template order.</summary>
public sealed record TemplateExtraction(
    TemplateSubject Template,
    CloudFormationTemplate? Model,
    IntrinsicResolver? Resolver,
    ImmutableArray<ExtractedPolicy> Policies,
    ImmutableArray<ExtractedEventRule> EventRules);

/// <summary>
/// What a resource-family extractor works with for one template: the resolver, the template text (for
/// spans inside JSON strings), the diagnostics, and where to put what it finds.
/// </summary>
public sealed class TemplateScope(IntrinsicResolver resolver, TemplateText text, string? region)
{
    private readonly List<ExtractedPolicy> _policies = [];
    private readonly List<ExtractedEventRule> _rules = [];

    public IntrinsicResolver Resolver { get; } = resolver;

    public CloudFormationTemplate Template => Resolver.Template;

    public TemplateDiagnostics Diagnostics => Resolver.Diagnostics;

    public TemplateText Text { get; } = text;

    /// <summary>The configured region (null when defaulted), given to event rules.</summary>
    public string? Region { get; } = region;

    public IReadOnlyList<ExtractedPolicy> Policies => _policies;

    public IReadOnlyList<ExtractedEventRule> Rules => _rules;

    public PolicyOwner OwnerOf(ResolvedResource resource, string propertyPath) =>
        new(Template.File.Path, resource.LogicalId, propertyPath, resource.Resource.ConstructPath);

    public void AddPolicy(ResolvedResource resource, string propertyPath, PolicyKind kind, string? governedType, Node document, bool exactSpans = true) =>
        _policies.Add(new ExtractedPolicy(
            new PolicySubject(OwnerOf(resource, propertyPath), kind, document) { ResourceType = governedType },
            resource.Type,
            resource.Condition,
            exactSpans));

    public void AddRule(ResolvedResource resource, string propertyPath, ObjectNode properties, Node? pattern, ImmutableArray<ObjectNode> targets)
    {
        var owner = OwnerOf(resource, propertyPath);
        var rule = new EventRuleSubject(owner, properties) { Pattern = pattern, Targets = targets, Region = Region };
        var patternSubject = pattern is null ? null : new EventPatternSubject(owner with { PropertyPath = PatternPath(propertyPath) }, pattern);
        _rules.Add(new ExtractedEventRule(rule, patternSubject, resource.Type, resource.Condition));
    }

    private static string PatternPath(string rulePath) => rulePath == "Properties" ? "Properties.EventPattern" : rulePath + ".Pattern";

    /// <summary>
    /// A policy document from a resolved property value: an object is used as it is; a JSON string (or
    /// Fn::ToJsonString) is parsed with spans mapped into the template; a choice is mapped alternative by
    /// alternative; an unknown stays an unknown document. Returns null (after a diagnostic) for anything else.
    /// </summary>
    public (Node? Document, bool ExactSpans) Document(Node? resolved, string what)
    {
        switch (resolved)
        {
            case null or AbsentNode:
                return (null, true);
            case ObjectNode obj:
                return (obj, true);
            case ScalarNode { Kind: ScalarKind.Unknown } unknown:
                return (unknown, true);
            case ScalarNode { IsString: true } text when Resolver.JsonSources.TryGetValue(text.Span, out var source):
                // Built by Fn::ToJsonString: the object it came from has exact spans.
                return (source, true);
            case ScalarNode { IsString: true } text:
                var parsed = EmbeddedJson.Parse(text, Text, what);
                if (parsed.Problem is { } problem)
                {
                    Diagnostics.Add(problem.Kind, problem.Span, problem.Message);
                }

                return (parsed.Document, parsed.ExactSpans);
            case ChoiceNode choice:
                var alternatives = choice.Alternatives.Select(a => Document(a, what)).ToList();
                var documents = alternatives.Select((a, i) => a.Document ?? (choice.Alternatives[i] is AbsentNode ? choice.Alternatives[i] : null)).ToList();
                if (documents.Any(d => d is null))
                {
                    return (null, true);
                }

                return (new ChoiceNode(choice.File, choice.Span, documents.Cast<Node>().ToImmutableArray(), choice.Reason), alternatives.All(a => a.ExactSpans));
            default:
                Diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, resolved, $"the {what} must be a JSON object or a JSON string, not {resolved.KindName}");
                return (null, true);
        }
    }
}

/// <summary>Extracts the policies (or rules) of one family of resource types.</summary>
public interface IResourceExtractor
{
    bool Handles(string resourceType);

    void Extract(ResolvedResource resource, TemplateScope scope);
}
