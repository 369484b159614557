using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>A SAM policy template: its parameter names and its policy definition (with Ref and Fn::Sub).</summary>
public sealed record SamPolicyTemplate(string Name, ImmutableArray<string> Parameters, ObjectNode Definition);

/// <summary>
/// The SAM policy templates (SQSPollerPolicy, S3ReadPolicy, ...), from rules/cloudformation/sam-policy-templates.json,
/// which rules/cloudformation/generate-sam-policy-templates.py generates from aws-sam-translator (version recorded there).
/// </summary>
public static class SamPolicyTemplates
{
    private const string ResourceName = "PolicyGate.rules.cloudformation.sam-policy-templates.json";
    private static readonly Lazy<FrozenDictionary<string, SamPolicyTemplate>> Embedded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SamPolicyTemplate? Find(string name) => Embedded.Value.GetValueOrDefault(name);

    public static int Count => Embedded.Value.Count;

    private static FrozenDictionary<string, SamPolicyTemplate> Load()
    {
        using var stream = typeof(SamPolicyTemplates).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var loaded = JsonDocumentParser.Parse(new SourceFile("rules/cloudformation/sam-policy-templates.json", ResourceName, text), text);
        if (loaded.Documents.IsEmpty || loaded.Documents[0] is not ObjectNode { } root || root["templates"] is not ObjectNode templates)
        {
            throw new InvalidOperationException($"embedded resource {ResourceName} is not valid");
        }

        return templates.Properties
            .Where(p => p.Value is ObjectNode { } t && t["definition"] is ObjectNode)
            .Select(p => (ObjectNode)p.Value is var t
                ? new SamPolicyTemplate(p.Key, ((t["parameters"] as ArrayNode)?.Items ?? []).OfType<ScalarNode>().Select(s => s.Value).ToImmutableArray(), (ObjectNode)t["definition"]!)
                : null)
            .ToFrozenDictionary(t => t!.Name, t => t!, StringComparer.Ordinal);
    }
}
