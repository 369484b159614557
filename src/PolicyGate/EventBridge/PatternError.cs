using PolicyGate.Documents;

namespace PolicyGate.EventBridge;

/// <summary>
/// Why EventBridge rejects a pattern: <see cref="Reason"/> is the service's reason text (event-ruler's
/// message, which AWS returns after <see cref="ServicePrefix"/>), at the span of the offending key or value.
/// </summary>
public sealed record PatternError(string Reason, SourceLocation Location)
{
    public const string ServicePrefix = "Event pattern is not valid. Reason: ";

    /// <summary>The message PutRule and TestEventPattern return.</summary>
    public string ServiceMessage => ServicePrefix + Reason;

    public static PatternError At(Node node, string reason) => new(reason, node.Location);

    public static PatternError AtKey(Node owner, PropertyNode property, string reason) => new(reason, new SourceLocation(owner.File.Path, property.KeySpan));
}
