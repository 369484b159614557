using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>
/// The event-source knowledge shipped in rules/event-sources (embedded): envelope field types, AWS
/// sources and their detail-types and fields, CloudTrail facts, Identity Center changes and Access
/// Analyzer resource facts. Immutable; loaded once.
/// </summary>
public sealed class EventSourceCatalog
{
    private static readonly Lazy<EventSourceCatalog> Embedded = new(EventSourceCatalogReader.ReadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    internal EventSourceCatalog(
        ImmutableDictionary<string, string> envelope,
        ImmutableDictionary<string, SourceKnowledge> sources,
        CloudTrailKnowledge cloudTrail,
        IdentityCenterChanges identityCenter,
        AnalyzerKnowledge analyzer)
    {
        Envelope = envelope;
        Sources = sources;
        CloudTrail = cloudTrail;
        IdentityCenter = identityCenter;
        Analyzer = analyzer;
        SourceOfHost = sources.Values
            .SelectMany(s => s.EventSources.Select(h => (Host: h, s.Source)))
            .ToFrozenDictionary(p => p.Host, p => p.Source, StringComparer.Ordinal);
    }

    public static EventSourceCatalog BuiltIn => Embedded.Value;

    /// <summary>Top-level event field to JSON type.</summary>
    public ImmutableDictionary<string, string> Envelope { get; }

    public ImmutableDictionary<string, SourceKnowledge> Sources { get; }

    public CloudTrailKnowledge CloudTrail { get; }

    public IdentityCenterChanges IdentityCenter { get; }

    public AnalyzerKnowledge Analyzer { get; }

    /// <summary>CloudTrail host name to the aws.* source of the events it produces, for the sources described here.</summary>
    public FrozenDictionary<string, string> SourceOfHost { get; }

    /// <summary>Every detail-type a source sends: its own, then the CloudTrail ones when its API calls arrive via CloudTrail.</summary>
    public IEnumerable<string> DetailTypesOf(SourceKnowledge source) =>
        source.DetailTypes.Keys.Order(StringComparer.Ordinal).Concat(source.ViaCloudTrail ? CloudTrail.DetailTypes : []);

    /// <summary>
    /// What is known about a field for one source and detail-type: the detail-type's own fields, or the
    /// CloudTrail fields (with eventSource narrowed to the source's host names) for CloudTrail detail-types.
    /// </summary>
    public FieldSpec? FieldOf(SourceKnowledge source, string detailType, string path)
    {
        if (source.DetailTypes.TryGetValue(detailType, out var own))
        {
            return own.Fields.GetValueOrDefault(path);
        }

        if (!source.ViaCloudTrail || !CloudTrail.DetailTypes.Contains(detailType))
        {
            return null;
        }

        if (path == "detail.eventSource" && !source.EventSources.IsDefaultOrEmpty)
        {
            return new FieldSpec(source.EventSources, true, "host");
        }

        return CloudTrail.Fields.GetValueOrDefault(path);
    }
}
