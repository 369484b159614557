using PolicyGate.Documents;

namespace PolicyGate.EventBridge.Targets;

/// <summary>Reading literal values of an event rule's targets and properties; unknown template values read as null.</summary>
public static class RuleTargets
{
    public const int MaxTargets = 5;

    /// <summary>The text of a known string value (single alternative), else null.</summary>
    public static string? Text(Node? node) =>
        node is ScalarNode { Kind: ScalarKind.String } s && !s.HasUnknowns ? s.Value : null;

    /// <summary>How a target is named in messages: its Id, or its position.</summary>
    public static string Name(ObjectNode target, int index) =>
        Text(target["Id"]) is { } id ? $"target \"{id}\"" : $"target {index + 1}";

    /// <summary>Each target that has an InputTransformer object, with it.</summary>
    public static IEnumerable<(ObjectNode Target, int Index, ObjectNode Transformer)> Transformers(IReadOnlyList<ObjectNode> targets)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i]["InputTransformer"] is ObjectNode transformer)
            {
                yield return (targets[i], i, transformer);
            }
        }
    }
}
