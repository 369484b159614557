using System.Collections.Immutable;

namespace PolicyGate.Checks.Guardrails;

/// <summary>
/// The guard-rails shipped with PolicyGate (rules/guardrails/*.json, embedded as
/// <c>PolicyGate.Guardrails.&lt;name&gt;.json</c>). Read once, on first use, so runs that configure none never pay for them.
/// </summary>
public sealed class GuardrailCatalog
{
    public const string ResourcePrefix = "PolicyGate.Guardrails.";

    private static readonly Lazy<GuardrailCatalog> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Builds a catalog; two guard-rails with the same name (ignoring case) are an error.</summary>
    public GuardrailCatalog(IEnumerable<Guardrail> guardrails)
    {
        var sorted = guardrails.OrderBy(g => g.Name, StringComparer.Ordinal).ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Name, sorted[i].Name, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"two guard-rails are named \"{sorted[i].Name}\"", nameof(guardrails));
            }
        }

        All = sorted;
    }

    public static GuardrailCatalog BuiltIn => Embedded.Value;

    /// <summary>Every guard-rail, sorted by name.</summary>
    public ImmutableArray<Guardrail> All { get; }

    /// <summary>The guard-rail of this name (case-insensitive), or null.</summary>
    public Guardrail? Find(string name) =>
        All.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc cref="GuardrailReader.Parse"/>
    public static Guardrail Parse(string json, string sourceName) => GuardrailReader.Parse(json, sourceName);

    private static GuardrailCatalog LoadEmbedded()
    {
        var assembly = typeof(GuardrailCatalog).Assembly;
        var guardrails = new List<Guardrail>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var fileName = resource[ResourcePrefix.Length..];
            var guardrail = Parse(reader.ReadToEnd(), fileName);
            // The file name is how users find a guard-rail on disk; the name inside is how they refer to it.
            if (!string.Equals(fileName, guardrail.Name + ".json", StringComparison.Ordinal))
            {
                throw new FormatException($"guard-rail {fileName}: field \"name\" is \"{guardrail.Name}\" but the file is named {fileName}");
            }

            guardrails.Add(guardrail);
        }

        return new GuardrailCatalog(guardrails);
    }
}
