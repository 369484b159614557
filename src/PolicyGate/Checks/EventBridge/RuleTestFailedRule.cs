using PolicyGate.Checks;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Testing;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class RuleTestFailedRule : IRule<EventPatternSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4030",
        "RuleTestFailed",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "A rule does not match a sample event it must match, or matches one it must not.",
        "policygate.yaml lists, under events.tests, sample events each rule must match and must not match. PolicyGate matches them offline with EventBridge's semantics and reports every broken expectation at the rule's pattern, with the field that decided it. Rules that fail silently in production (a pattern that never matches raises no error) fail here in CI instead.",
        new RuleHelp(
            "Fix the pattern, or the expectation if the sample is wrong. `policygate events test --pattern P --event E` shows the decision for one pair.",
            """
            events:
              tests:
                - pattern: patterns/active-findings.json
                  match: [events/finding-archived.json]   # status ARCHIVED: the pattern requires ACTIVE
            """,
            """
            events:
              tests:
                - pattern: patterns/active-findings.json
                  match: [events/finding-external-access.json]
                  no-match: [events/finding-archived.json]
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "testing"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        var tests = RuleTests.For(subject.Owner, context.Config.Events).ToList();
        if (tests.Count == 0 || PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern)
        {
            return;
        }

        foreach (var test in tests)
        {
            Expect(test, test.Match, mustMatch: true, pattern, subject.Pattern, context);
            Expect(test, test.NoMatch, mustMatch: false, pattern, subject.Pattern, context);
        }
    }

    private static void Expect(EventRuleTest test, IEnumerable<SampleEventFile> samples, bool mustMatch, CompiledPattern pattern, Node at, CheckContext context)
    {
        foreach (var sample in samples)
        {
            var loaded = SampleEvent.Load(sample.FullPath, sample.Path);
            if (loaded.Event is null)
            {
                continue;
            }

            var matches = pattern.Matches(loaded.Event);
            if (matches == mustMatch)
            {
                continue;
            }

            // A missed match points at the field that decided; an unwanted match at the whole pattern.
            var reason = mustMatch ? MatchExplanation.Explain(pattern, loaded.Event) : null;
            var message = reason is not null
                ? $"the sample event {sample.Path} must match this pattern but does not: {reason.Message}"
                : $"the sample event {sample.Path} must not match this pattern but does";
            var location = reason?.Field?.ValueList.Location ?? at.Location;
            context.Sink.Add(new Finding(Rule, Rule.DefaultLevel, message, location)
            {
                Related = [new RelatedLocation(sample.Location, $"the expectation in the events tests ({test.Describe})")],
            });
        }
    }
}
