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
    /// CloudTrail fields (with eventSource narrowed to the source's host names) for CloudTrail detail-types,
    /// where a field under detail that CloudTrail records never have is <see cref="FieldSpec.Absent"/>.
    /// </summary>
    public FieldSpec? FieldOf(SourceKnowledge source, string detailType, string path)
    {
        if (source.DetailTypes.TryGetValue(detailType, out var own))
        {
            if (own.Fields.TryGetValue(path, out var listed))
            {
                return listed;
            }

            // Inside a listed object whose own fields are not listed, nothing is known.
            var keys = own.Fields.Keys;
            var related = keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal))
                          || keys.Any(k => path.StartsWith(k + ".", StringComparison.Ordinal) && !keys.Any(d => d.StartsWith(k + ".", StringComparison.Ordinal)));
            return own.CompleteFields && !related && path.StartsWith("detail.", StringComparison.Ordinal) ? FieldSpec.Absent : null;
        }

        if (!source.ViaCloudTrail || !CloudTrail.DetailTypes.Contains(detailType))
        {
            return null;
        }

        if (path == "detail.eventSource" && !source.EventSources.IsDefaultOrEmpty)
        {
            return new FieldSpec(source.EventSources, true, "host");
        }

        if (CloudTrail.Fields.GetValueOrDefault(path) is { } spec)
        {
            return spec;
        }

        var segments = path.Split('.');
        return segments.Length > 1 && segments[0] == "detail" && !CloudTrail.DetailFields.Contains(segments[1]) ? FieldSpec.Absent : null;
    }
}
