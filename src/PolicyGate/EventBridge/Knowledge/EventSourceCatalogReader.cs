using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>Reads the embedded rules/event-sources/*.json files into an <see cref="EventSourceCatalog"/>.</summary>
internal static class EventSourceCatalogReader
{
    private const string Prefix = "PolicyGate.rules.event-sources.";

    public static EventSourceCatalog ReadEmbedded()
    {
        var assembly = typeof(EventSourceCatalogReader).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(n => n[Prefix.Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }, StringComparer.Ordinal);
        return Read(files);
    }

    /// <summary>Builds the catalog from file name to JSON text.</summary>
    public static EventSourceCatalog Read(IReadOnlyDictionary<string, string> files)
    {
        using var generated = JsonDocument.Parse(Required(files, "access-analyzer.generated.json"));
        var enums = generated.RootElement.GetProperty("enums").EnumerateObject()
            .ToImmutableDictionary(p => p.Name, p => Strings(p.Value), StringComparer.Ordinal);

        using var envelope = JsonDocument.Parse(Required(files, "envelope.json"));
        var envelopeFields = envelope.RootElement.GetProperty("fields").EnumerateObject()
            .ToImmutableDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

        var sources = ImmutableDictionary.CreateBuilder<string, SourceKnowledge>(StringComparer.Ordinal);
        IdentityCenterChanges? identityCenter = null;
        AnalyzerKnowledge? analyzer = null;
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.TryGetProperty("sources", out var list))
            {
                foreach (var source in list.EnumerateArray())
                {
                    var knowledge = Source(source, enums);
                    sources[knowledge.Source] = knowledge;
                }
            }

            if (root.TryGetProperty("identityCenterChanges", out var changes))
            {
                identityCenter = IdentityCenter(changes);
            }

            if (root.TryGetProperty("analyzer", out var analyzerElement))
            {
                analyzer = Analyzer(analyzerElement, enums);
            }
        }

        using var cloudTrail = JsonDocument.Parse(Required(files, "cloudtrail.json"));
        return new EventSourceCatalog(
            envelopeFields,
            sources.ToImmutable(),
            CloudTrail(cloudTrail.RootElement, enums),
            identityCenter ?? throw new InvalidDataException("event-source knowledge lacks identityCenterChanges"),
            analyzer ?? throw new InvalidDataException("event-source knowledge lacks the analyzer section"));
    }

    private static string Required(IReadOnlyDictionary<string, string> files, string name) =>
        files.TryGetValue(name, out var text) ? text : throw new InvalidDataException($"event-source knowledge file {name} is missing");

    private static SourceKnowledge Source(JsonElement e, ImmutableDictionary<string, ImmutableArray<string>> enums)
    {
        var detailTypes = e.GetProperty("detailTypes").EnumerateObject()
            .ToImmutableDictionary(
                p => p.Name,
                p => new DetailTypeKnowledge(p.Name, Fields(p.Value, enums), p.Value.TryGetProperty("$complete", out var complete) && complete.GetBoolean()),
                StringComparer.Ordinal);
        return new SourceKnowledge(
            e.GetProperty("source").GetString()!,
            e.GetProperty("name").GetString()!,
            Strings(e.GetProperty("eventSources")),
            e.GetProperty("viaCloudTrail").GetBoolean(),
            e.GetProperty("closedDetailTypes").GetBoolean(),
            detailTypes);
    }

    private static ImmutableDictionary<string, FieldSpec> Fields(JsonElement e, ImmutableDictionary<string, ImmutableArray<string>> enums) =>
        e.EnumerateObject().Where(p => !p.Name.StartsWith('$')).ToImmutableDictionary(p => p.Name, p => Field(p.Value, enums), StringComparer.Ordinal);

    private static FieldSpec Field(JsonElement e, ImmutableDictionary<string, ImmutableArray<string>> enums)
    {
        var values = ImmutableArray<string>.Empty;
        if (e.TryGetProperty("values", out var list))
        {
            values = Strings(list);
        }
        else if (e.TryGetProperty("enum", out var name))
        {
            values = enums.TryGetValue(name.GetString()!, out var known) ? known : throw new InvalidDataException($"unknown enumeration {name.GetString()}");
        }

        var closed = e.TryGetProperty("closed", out var c) && c.GetBoolean();
        var type = e.TryGetProperty("type", out var t) ? t.GetString() : values.IsEmpty ? null : "string";
        return new FieldSpec(values, closed, type);
    }

    private static CloudTrailKnowledge CloudTrail(JsonElement e, ImmutableDictionary<string, ImmutableArray<string>> enums)
    {
        var global = e.GetProperty("globalServices");
        return new CloudTrailKnowledge(
            Strings(e.GetProperty("detailTypes")),
            Fields(e.GetProperty("fields"), enums),
            Strings(e.GetProperty("detailFields")).ToFrozenSet(StringComparer.Ordinal),
            Strings(e.GetProperty("knownEventSources")).ToFrozenSet(StringComparer.Ordinal),
            Strings(e.GetProperty("readOnlyEventNamePrefixes")),
            e.GetProperty("readOnlyDeliveryState").GetString()!,
            e.GetProperty("resourcesUsuallyEmpty").GetBoolean(),
            new GlobalServices(
                global.GetProperty("homeRegions").EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                Strings(global.GetProperty("sources")).ToFrozenSet(StringComparer.Ordinal),
                Strings(global.GetProperty("eventSources")).ToFrozenSet(StringComparer.Ordinal)));
    }

    private static IdentityCenterChanges IdentityCenter(JsonElement e)
    {
        var type = e.GetProperty("identityType");
        var hidden = e.GetProperty("hiddenGroupField");
        return new IdentityCenterChanges(
            e.GetProperty("effective").GetString()!,
            Strings(e.GetProperty("sources")).ToFrozenSet(StringComparer.Ordinal),
            e.GetProperty("signInSource").GetString()!,
            Strings(e.GetProperty("signInEventNames")),
            e.GetProperty("removedFields").EnumerateObject().ToImmutableDictionary(p => p.Name, p => Strings(p.Value), StringComparer.Ordinal),
            type.GetProperty("field").GetString()!,
            type.GetProperty("before").GetString()!,
            type.GetProperty("after").GetString()!,
            hidden.GetProperty("name").GetString()!,
            Strings(hidden.GetProperty("under")),
            hidden.GetProperty("value").GetString()!);
    }

    private static AnalyzerKnowledge Analyzer(JsonElement e, ImmutableDictionary<string, ImmutableArray<string>> enums)
    {
        var age = e.GetProperty("unusedAccessAge");
        return new AnalyzerKnowledge(
            Field(e.GetProperty("types"), enums).Values,
            Strings(e.GetProperty("unusedAccessTypes")).ToFrozenSet(StringComparer.Ordinal),
            age.GetProperty("minimum").GetInt32(),
            age.GetProperty("maximum").GetInt32(),
            Strings(e.GetProperty("archiveRuleFilterKeys")).ToFrozenSet(StringComparer.Ordinal),
            Strings(e.GetProperty("archiveRuleFilterKeyPrefixes")),
            Strings(e.GetProperty("notInArchiveRules")).ToFrozenSet(StringComparer.Ordinal),
            Strings(e.GetProperty("archiveRuleOperators")));
    }

    private static ImmutableArray<string> Strings(JsonElement e) => e.EnumerateArray().Select(v => v.GetString()!).ToImmutableArray();
}
