using System.Collections.Immutable;
using System.Text;
using PolicyGate.Documents;

namespace PolicyGate.CloudFormation;

/// <summary>
/// Expands <c>Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]</c> loops of
/// AWS::LanguageExtensions in the Resources section (nested loops included), as CloudFormation does before
/// deploying: for each item of the collection, <c>${Identifier}</c> and <c>&amp;{Identifier}</c> (the item
/// with non-alphanumeric characters removed) are replaced in keys and Fn::Sub strings, and
/// <c>Ref: Identifier</c> by the item. Generated nodes keep the spans of the loop body they come from. A
/// collection that is not known offline, or a loop that would make more than
/// <see cref="MaxGeneratedEntries"/> entries, is reported and left unexpanded.
/// </summary>
public static class ForEachExpansion
{
    public const int MaxGeneratedEntries = 10_000;
    private const string Prefix = "Fn::ForEach::";

    public static bool HasLoops(ObjectNode root) =>
        root["Resources"] is ObjectNode resources && resources.Properties.Any(p => p.Key.StartsWith(Prefix, StringComparison.Ordinal));

    /// <summary>The root with the Resources loops expanded (the same root when there is nothing to expand).</summary>
    public static ObjectNode Expand(ObjectNode root, IntrinsicResolver collections)
    {
        if (root["Resources"] is not ObjectNode resources || !HasLoops(root))
        {
            return root;
        }

        var budget = new Budget();
        var expanded = ExpandEntries(resources.Properties, new Dictionary<string, string>(StringComparer.Ordinal), collections, budget);
        var newResources = resources with { Properties = expanded };
        return root with { Properties = root.Properties.Select(p => p.Key == "Resources" && ReferenceEquals(p.Value, resources) ? p with { Value = newResources } : p).ToImmutableArray() };
    }

    private sealed class Budget
    {
        public int Generated { get; set; }

        public bool Reported { get; set; }
    }

    private static ImmutableArray<PropertyNode> ExpandEntries(IEnumerable<PropertyNode> entries, IReadOnlyDictionary<string, string> bound, IntrinsicResolver collections, Budget budget)
    {
        var result = ImmutableArray.CreateBuilder<PropertyNode>();
        foreach (var entry in entries)
        {
            if (!entry.Key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                result.Add(bound.Count == 0 ? entry : new PropertyNode(Substitute(entry.Key, bound), entry.KeySpan, Substitute(entry.Value, bound)));
                continue;
            }

            var loop = Loop(entry, collections);
            if (loop is null)
            {
                // Left in place: the template reader reports it as not expanded.
                result.Add(entry);
                continue;
            }

            var (identifier, items, body) = loop.Value;
            foreach (var item in items)
            {
                if (budget.Generated + body.Properties.Length > MaxGeneratedEntries)
                {
                    if (!budget.Reported)
                    {
                        collections.Diagnostics.Add(TemplateDiagnosticKind.ResolutionLimit, entry.KeySpan,
                            $"Fn::ForEach loops here would generate more than {MaxGeneratedEntries:N0} resources; the rest are not expanded");
                        budget.Reported = true;
                    }

                    return result.ToImmutable();
                }

                var inner = new Dictionary<string, string>(bound, StringComparer.Ordinal) { [identifier] = item };
                var generated = ExpandEntries(body.Properties, inner, collections, budget);
                budget.Generated += generated.Count(p => !p.Key.StartsWith(Prefix, StringComparison.Ordinal));
                result.AddRange(generated);
            }
        }

        return result.ToImmutable();
    }

    private static (string Identifier, IReadOnlyList<string> Items, ObjectNode Body)? Loop(PropertyNode entry, IntrinsicResolver collections)
    {
        if (entry.Value is not ArrayNode { Items.Length: 3 } args || args.Items[0] is not ScalarNode { IsString: true } identifier || args.Items[2] is not ObjectNode body)
        {
            collections.Diagnostics.Add(TemplateDiagnosticKind.InvalidIntrinsic, entry.KeySpan, $"{entry.Key} takes [Identifier, [items...], {{OutputKey: OutputValue}}]");
            return null;
        }

        if (!collections.Template.HasLanguageExtensions)
        {
            collections.Diagnostics.Add(TemplateDiagnosticKind.InvalidIntrinsic, entry.KeySpan, $"{entry.Key} needs Transform: AWS::LanguageExtensions");
        }

        var collection = collections.Resolve(args.Items[1]);
        if (collection is not ArrayNode list || list.Items.Any(i => i is not ScalarNode { HasUnknowns: false, Kind: ScalarKind.String or ScalarKind.Number }))
        {
            collections.Diagnostics.Add(TemplateDiagnosticKind.UnsupportedFeature, entry.KeySpan,
                $"the collection of {entry.Key} is not known offline, so the resources it generates are not checked");
            return null;
        }

        return (identifier.Value, list.Items.Cast<ScalarNode>().Select(s => s.Value).ToList(), body);
    }

    private static Node Substitute(Node node, IReadOnlyDictionary<string, string> bound)
    {
        switch (node)
        {
            case ObjectNode { Properties.Length: 1 } reference when reference.Properties[0] is { Key: "Ref", Value: ScalarNode { IsString: true } name } && bound.TryGetValue(name.Value, out var value):
                return new ScalarNode(reference.File, reference.Span, ScalarKind.String, value, ScalarStyle.Synthesized);
            case ObjectNode o:
                return o with { Properties = o.Properties.Select(p => new PropertyNode(Substitute(p.Key, bound), p.KeySpan, Substitute(p.Value, bound))).ToImmutableArray() };
            case ArrayNode a:
                return a with { Items = a.Items.Select(i => Substitute(i, bound)).ToImmutableArray() };
            case ScalarNode { IsString: true } s when s.Value.Contains("{", StringComparison.Ordinal):
                var replaced = Substitute(s.Value, bound);
                return ReferenceEquals(replaced, s.Value) ? s : s with { Value = replaced, Style = ScalarStyle.Synthesized };
            default:
                return node;
        }
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> bound)
    {
        var result = text;
        foreach (var (identifier, value) in bound)
        {
            result = result.Replace("${" + identifier + "}", value, StringComparison.Ordinal)
                .Replace("&{" + identifier + "}", Alphanumeric(value), StringComparison.Ordinal);
        }

        return result == text ? text : result;
    }

    private static string Alphanumeric(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Where(char.IsAsciiLetterOrDigit))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
