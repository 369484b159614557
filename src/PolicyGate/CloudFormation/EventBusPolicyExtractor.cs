using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// AWS::Events::EventBusPolicy adds one statement to an event bus's policy: given whole in Statement, or in
/// the older form of Action, Principal (an account id or "*") and Condition {Type, Key, Value}.
/// </summary>
public sealed class EventBusPolicyExtractor : IResourceExtractor
{
    public bool Handles(string resourceType) => resourceType == "AWS::Events::EventBusPolicy";

    public void Extract(ResolvedResource resource, TemplateScope scope)
    {
        if (resource.Properties is not { } properties)
        {
            return;
        }

        var statementId = properties["StatementId"];
        if (properties["Statement"] is { } given)
        {
            foreach (var statement in given.Alternatives())
            {
                if (statement is not ObjectNode obj)
                {
                    scope.Diagnostics.Add(TemplateDiagnosticKind.InvalidStructure, statement, $"the Statement of {resource.LogicalId} must be one policy statement (an object)");
                    continue;
                }

                // The StatementId becomes the statement's Sid.
                var withSid = obj.Has("Sid") || statementId is null ? obj : obj with { Properties = obj.Properties.Insert(0, new PropertyNode("Sid", statementId.Span, statementId)) };
                scope.AddPolicy(resource, "Properties.Statement", PolicyKind.Resource, "AWS::Events::EventBus", SyntheticPolicy.Document(obj, withSid));
            }

            return;
        }

        var deployment = scope.Resolver.Deployment;
        var parts = new List<(string, Node)>();
        if (statementId is not null)
        {
            parts.Add(("Sid", statementId));
        }

        parts.Add(("Effect", SyntheticPolicy.Text(properties, "Allow")));
        if (properties["Principal"] is { } principal)
        {
            parts.Add(("Principal", SyntheticPolicy.Principal(principal, deployment)));
        }

        if (properties["Action"] is { } action)
        {
            parts.Add(("Action", action));
        }

        parts.Add(("Resource", BusArn(properties, deployment)));
        if (properties["Condition"] is ObjectNode { } condition && condition["Key"] is ScalarNode key && condition["Value"] is { } value)
        {
            var type = condition["Type"] is ScalarNode { HasUnknowns: false } t ? t.Value : "StringEquals";
            parts.Add(("Condition", SyntheticPolicy.Condition(condition, [(type, key.Value, value)])!));
        }

        scope.AddPolicy(resource, "Properties", PolicyKind.Resource, "AWS::Events::EventBus", SyntheticPolicy.Document(properties, SyntheticPolicy.Object(properties, parts)));
    }

    private static Node BusArn(ObjectNode properties, DeploymentValues deployment)
    {
        var name = properties["EventBusName"];
        if (name is null)
        {
            return SyntheticPolicy.Text(properties, $"arn:{deployment.Partition}:events:{deployment.Region}:{deployment.AccountId}:event-bus/default");
        }

        if (name is not ScalarNode { Kind: ScalarKind.String } s || s.Value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return name;
        }

        return new UnknownAwareText().Append($"arn:{deployment.Partition}:events:{deployment.Region}:{deployment.AccountId}:event-bus/").Append(s).Build(s.File, s.Span);
    }
}
