using System.Globalization;
using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Matching;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class NonPortablePatternFeatureRule : IRule<EventPatternSubject>
{
    /// <summary>The numeric range the EventBridge documentation states (event-ruler since 1.8 compares all float64).</summary>
    public const double DocumentedNumericBound = 5.0e9;

    public static readonly RuleDescriptor Rule = new(
        "PG4003",
        "NonPortablePatternFeature",
        RuleArea.EventBridge,
        FindingLevel.Note,
        "The pattern uses a feature EventBridge does not document.",
        "The \"exactly\" operator comes from the event-ruler library and is not documented for EventBridge; numbers beyond ±5.0e9 or with more than six decimals exceed the range the documentation states. They may work today, but other consumers of the same pattern language (Pipes, Lambda event filtering, SNS) or an older service version may reject or round them.",
        new RuleHelp(
            "Use a plain string instead of \"exactly\", and keep numbers within ±5.0e9 with at most six decimals.",
            """{ "detail": { "name": [ { "exactly": "prod" } ], "size": [ { "numeric": [ ">", 10000000000 ] } ] } }""",
            """{ "detail": { "name": [ "prod" ], "size": [ { "numeric": [ ">", 5000000000 ] } ] } }"""))
    {
        Tags = ["eventbridge", "portability"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        if (PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern)
        {
            return;
        }

        foreach (var condition in pattern.Conditions)
        {
            foreach (var matcher in condition.Matchers)
            {
                if (matcher.Source is ObjectNode expression && expression.Properties.Length == 1 && expression.Properties[0].Key == "exactly")
                {
                    context.Report(Rule, matcher.Source, $"\"exactly\" at {condition.Path} is an event-ruler operator EventBridge does not document; write the plain string {JsonText.Quote(((ExactStringMatcher)matcher).Value)} instead");
                }
            }

            foreach (var number in Numbers(condition.ValueList).Distinct())
            {
                if (!double.TryParse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    continue;
                }

                if (Math.Abs(value) > DocumentedNumericBound)
                {
                    context.Report(Rule, number, $"the number {number.Value} at {condition.Path} is outside the ±5.0e9 range the EventBridge documentation states");
                }
                else if (Decimals(number.Value) > 6)
                {
                    context.Report(Rule, number, $"the number {number.Value} at {condition.Path} has more than the six decimals the EventBridge documentation states");
                }
            }
        }
    }

    private static IEnumerable<ScalarNode> Numbers(Node node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Number } s => [s],
        ArrayNode a => a.Items.SelectMany(Numbers),
        ObjectNode o => o.Properties.SelectMany(p => Numbers(p.Value)),
        _ => [],
    };

    private static int Decimals(string text)
    {
        var mantissa = text.Split('e', 'E')[0];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var exponent = text.Length > mantissa.Length && int.TryParse(text[(mantissa.Length + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e) ? e : 0;
        var fraction = dot < 0 ? 0 : mantissa.TrimEnd('0').Length - dot - 1;
        return Math.Max(0, fraction - exponent);
    }
}
