using PolicyGate.Documents;

namespace PolicyGate.EventBridge;

/// <summary>
/// What TestEventPattern demands of its event: a JSON object with the envelope fields id, account, source,
/// time, region and detail-type. Anything else is rejected with "Parameter Event is not valid."
/// </summary>
public static class TestEventRequirements
{
    public static readonly IReadOnlyList<string> RequiredFields = ["id", "account", "source", "time", "region", "detail-type"];

    /// <summary>Null when the event is acceptable, else the reason.</summary>
    public static string? Check(Node root)
    {
        if (root is not ObjectNode obj)
        {
            return $"Parameter Event is not valid: the event must be a JSON object, not {root.KindName}";
        }

        var missing = RequiredFields.Where(f => !obj.Has(f)).ToList();
        return missing.Count == 0
            ? null
            : $"Parameter Event is not valid: the event lacks {string.Join(", ", missing)} (TestEventPattern requires {string.Join(", ", RequiredFields)})";
    }
}
