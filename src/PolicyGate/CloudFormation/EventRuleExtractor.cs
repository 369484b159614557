using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// AWS::Events::Rule: the resolved rule (EventPattern as an object or a JSON string, ScheduleExpression,
/// State, EventBusName, Targets with Input, InputPath and InputTransformer) and its pattern.
/// </summary>
public sealed class EventRuleExtractor : IResourceExtractor
{
    public bool Handles(string resourceType) => resourceType == "AWS::Events::Rule";

    public void Extract(ResolvedResource resource, TemplateScope scope)
    {
        if (resource.Properties is not { } properties)
        {
            return;
        }

        var (pattern, _) = scope.Document(properties["EventPattern"], "event pattern");
        var targets = ResolvedProperties.Objects(properties["Targets"]).Select(t => t.Item).ToImmutableArray();
        scope.AddRule(resource, "Properties", properties, pattern, targets);
    }
}
