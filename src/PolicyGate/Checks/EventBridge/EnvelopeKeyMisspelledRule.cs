using PolicyGate.Spelling;
using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class EnvelopeKeyMisspelledRule : IRule<EventPatternSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4013",
        "EnvelopeKeyMisspelled",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "A top-level key of the pattern is not a field events have.",
        "Events have the top-level fields version, id, detail-type, source, account, time, region, resources and detail (replay-name on replays). Keys are case-sensitive, so detailType, DetailType, detail_type or Source never match: they are PutEvents parameter names or CDK property names, not event fields, and tools that emitted them made rules that never fired. For AWS sources, any other top-level key is a field that belongs under detail.",
        new RuleHelp(
            "Use the event's own key (detail-type), and put service fields under detail.",
            """{ "source": [ "aws.iam" ], "detailType": [ "AWS API Call via CloudTrail" ], "eventName": [ "CreateUser" ] }""",
            """{ "source": [ "aws.iam" ], "detail-type": [ "AWS API Call via CloudTrail" ], "detail": { "eventName": [ "CreateUser" ] } }"""))
    {
        Tags = ["eventbridge", "correctness"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        if (PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern || pattern.Root is not ObjectNode root)
        {
            return;
        }

        var envelope = EventSourceCatalog.BuiltIn.Envelope.Keys.Order(StringComparer.Ordinal).ToList();
        var awsSource = pattern.SubRules
            .SelectMany(r => r.Conditions.Where(c => c.Path == "source"))
            .SelectMany(PatternScope.ExactStrings)
            .Any(v => v.Value.StartsWith("aws.", StringComparison.Ordinal));
        foreach (var (owner, property) in TopLevelKeys(root))
        {
            var key = property.Key;
            if (envelope.Contains(key, StringComparer.Ordinal))
            {
                continue;
            }

            var location = new SourceLocation(owner.File.Path, property.KeySpan);
            if (NearMiss(key, envelope) is { } intended)
            {
                context.Sink.Report(Rule, location, $"\"{key}\" is not an event field, so this part of the pattern never matches: events carry \"{intended}\" (keys are case-sensitive; PutEvents' DetailType, Source and Detail parameters are not event keys)");
            }
            else if (awsSource)
            {
                context.Sink.Report(Rule, location, $"AWS events have no top-level field \"{key}\"; service fields are under detail (\"detail\": {{ \"{key}\": ... }})");
            }
        }
    }

    /// <summary>The root's keys and those of $or branches at the root, with the object that holds each.</summary>
    private static IEnumerable<(ObjectNode Owner, PropertyNode Property)> TopLevelKeys(ObjectNode obj)
    {
        foreach (var property in obj.Properties)
        {
            if (property.Key == PatternCompiler.OrKeyword)
            {
                if (property.Value is ArrayNode branches)
                {
                    foreach (var branch in branches.Items.OfType<ObjectNode>())
                    {
                        foreach (var inner in TopLevelKeys(branch))
                        {
                            yield return inner;
                        }
                    }
                }

                continue;
            }

            yield return (obj, property);
        }
    }

    private static string? NearMiss(string key, IReadOnlyList<string> envelope)
    {
        static string Normalize(string s) => s.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var normalized = Normalize(key);
        return envelope.FirstOrDefault(e => Normalize(e) == normalized)
               ?? (key.Length >= 4 ? SpellingSuggestions.Nearest(key.ToLowerInvariant(), envelope, 2) : null);
    }
}
