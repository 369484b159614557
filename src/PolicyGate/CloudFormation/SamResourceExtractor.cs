using System.Collections.Immutable;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// SAM functions and state machines: the policies of the role SAM creates for them (<c>Policies</c>: inline
/// documents, and SAM policy templates expanded as SAM does; managed policy names are references, not
/// documents), an explicit AssumeRolePolicyDocument, and the EventBridge rules SAM creates for events of type
/// EventBridgeRule and CloudWatchEvent (the function or state machine as the target).
/// </summary>
public sealed class SamResourceExtractor : IResourceExtractor
{
    public bool Handles(string resourceType) => resourceType is "AWS::Serverless::Function" or "AWS::Serverless::StateMachine";

    public void Extract(ResolvedResource resource, TemplateScope scope)
    {
        if (resource.Properties is not { } properties)
        {
            return;
        }

        // With an explicit Role, SAM creates no role and ignores Policies.
        if (properties["Role"] is null)
        {
            Policies(resource, properties["Policies"], scope);
            if (properties["AssumeRolePolicyDocument"] is { } trust && scope.Document(trust, "trust policy") is { Document: { } document } parsed)
            {
                scope.AddPolicy(resource, "Properties.AssumeRolePolicyDocument", PolicyKind.Trust, "AWS::IAM::Role", document, parsed.ExactSpans);
            }
        }

        if (properties["Events"] is ObjectNode events)
        {
            foreach (var property in events.Properties)
            {
                foreach (var e in property.Value.Alternatives().OfType<ObjectNode>())
                {
                    if (ResolvedProperties.Text(e, "Type") is "EventBridgeRule" or "CloudWatchEvent")
                    {
                        Rule(resource, property.Key, e, scope);
                    }
                }
            }
        }
    }

    private static void Policies(ResolvedResource resource, Node? policies, TemplateScope scope)
    {
        if (policies is null)
        {
            return;
        }

        foreach (var alternative in policies.Alternatives())
        {
            if (alternative is ArrayNode list)
            {
                for (var i = 0; i < list.Items.Length; i++)
                {
                    foreach (var item in list.Items[i].Alternatives())
                    {
                        Policy(resource, item, $"Properties.Policies[{i}]", scope);
                    }
                }
            }
            else
            {
                Policy(resource, alternative, "Properties.Policies", scope);
            }
        }
    }

    private static void Policy(ResolvedResource resource, Node item, string path, TemplateScope scope)
    {
        switch (item)
        {
            case ScalarNode:
                // A managed policy name or ARN: a reference to a policy outside the template.
                return;
            case ObjectNode inline when inline.Has("Statement"):
                scope.AddPolicy(resource, path, PolicyKind.Identity, resource.Type, inline);
                return;
            case ObjectNode { Properties.Length: 1 } call:
                Expand(resource, call, path, scope);
                return;
            default:
                scope.Diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, item, "a SAM Policies entry is a managed policy name or ARN, a policy document, or a SAM policy template");
                return;
        }
    }

    /// <summary>Expands a SAM policy template with its parameters bound, every node at the template call.</summary>
    private static void Expand(ResolvedResource resource, ObjectNode call, string path, TemplateScope scope)
    {
        var name = call.Properties[0].Key;
        if (SamPolicyTemplates.Find(name) is not { } template)
        {
            scope.Diagnostics.Add(TemplateDiagnosticKind.UnsupportedFeature, call.Properties[0].KeySpan,
                $"{name} is not a SAM policy template PolicyGate knows ({SamPolicyTemplates.Count} are known); its permissions are not checked");
            return;
        }

        var given = call.Properties[0].Value as ObjectNode;
        var bindings = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var parameter in template.Parameters)
        {
            if (given?[parameter] is { } value)
            {
                bindings[parameter] = value;
            }
            else
            {
                scope.Diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, call, $"SAM policy template {name} needs the parameter {parameter}");
                bindings[parameter] = UnknownValues.Scalar(call, parameter, $"parameter {parameter} of {name} is missing");
            }
        }

        var resolved = scope.Resolver.Resolve(template.Definition, new Bindings(bindings));
        var document = NodeRelocation.To(resolved, call);
        scope.AddPolicy(resource, $"{path}.{name}", PolicyKind.Identity, resource.Type, document, exactSpans: false);
    }

    private static void Rule(ResolvedResource resource, string eventName, ObjectNode e, TemplateScope scope)
    {
        var properties = e["Properties"] as ObjectNode ?? new ObjectNode(e.File, e.Span, []);
        var target = new List<(string, Node)>
        {
            ("Arn", resource.Type == "AWS::Serverless::Function"
                ? scope.Resolver.Resources.GetAtt(resource.Resource, "Arn", properties)
                : scope.Resolver.Resources.Ref(resource.Resource, properties)),
            ("Id", (properties["Target"] as ObjectNode)?["Id"] ?? SyntheticPolicy.Text(properties, $"{resource.LogicalId}{eventName}{(resource.Type == "AWS::Serverless::Function" ? "LambdaTarget" : "StepFunctionsTarget")}")),
        };
        foreach (var key in new[] { "Input", "InputPath", "InputTransformer", "DeadLetterConfig", "RetryPolicy" })
        {
            if (properties[key] is { } value)
            {
                target.Add((key, value));
            }
        }

        var state = properties["State"]
                    ?? (properties["Enabled"] is ScalarNode { Value: "false" or "False" } enabled ? SyntheticPolicy.Text(enabled, "DISABLED") : null);
        var rule = new List<(string, Node)>();
        foreach (var (from, to) in new[] { ("Pattern", "EventPattern"), ("EventBusName", "EventBusName"), ("RuleName", "Name") })
        {
            if (properties[from] is { } value)
            {
                rule.Add((to, value));
            }
        }

        if (state is not null)
        {
            rule.Add(("State", state));
        }

        var targetNode = SyntheticPolicy.Object(properties, target);
        rule.Add(("Targets", new ArrayNode(properties.File, properties.Span, [targetNode])));
        var (pattern, _) = scope.Document(properties["Pattern"], "event pattern");
        scope.AddRule(resource, $"Properties.Events.{eventName}.Properties", SyntheticPolicy.Object(properties, rule), pattern, [targetNode]);
    }
}
