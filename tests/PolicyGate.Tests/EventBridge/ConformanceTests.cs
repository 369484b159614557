using System.Text;
using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Events;
using Xunit.Abstractions;

namespace PolicyGate.Tests.EventBridge;

/// <summary>
/// The event-ruler conformance suite (shared/conformance/eventbridge/event-ruler-cases.jsonl): at least
/// 99.5% agreement on match/no-match and valid/invalid; cases marked uncertain are reported, not counted.
/// The file is read from the shared directory next to the repository; the test fails when it is missing.
/// </summary>
public class ConformanceTests(ITestOutputHelper output)
{
    private static string CasesPath => Path.Combine(RepositoryPaths.Shared, "conformance", "eventbridge", "event-ruler-cases.jsonl");

    [RequiresSharedFact("conformance/eventbridge/event-ruler-cases.jsonl")]
    public void Agrees_with_event_ruler_on_at_least_99_5_percent_of_the_cases()
    {
        File.Exists(CasesPath).ShouldBeTrue($"the conformance suite is missing: expected {CasesPath} (<repo root>/../shared/conformance/eventbridge/event-ruler-cases.jsonl)");

        var results = Run(File.ReadAllLines(CasesPath));
        var counted = results.Where(r => !r.Uncertain).ToList();
        var disagreements = counted.Where(r => !r.Agrees).ToList();
        var report = new StringBuilder();
        report.AppendLine($"{counted.Count} cases counted, {disagreements.Count} disagreements, {results.Count(r => r.Uncertain)} uncertain");
        foreach (var r in disagreements)
        {
            report.AppendLine($"DISAGREE {r.Id}: expected {r.Expected}, got {r.Actual} ({r.Detail})");
        }

        foreach (var r in results.Where(r => r.Uncertain))
        {
            report.AppendLine($"UNCERTAIN {r.Id}: event-ruler's compiler says {r.Expected}, PolicyGate says {r.Actual} ({r.Detail})");
        }

        // Messages are not part of the agreement measure, but the difference is worth seeing.
        var rejected = counted.Where(r => r.ExpectedMessage is not null && r.Actual == "invalid").ToList();
        var sameMessage = rejected.Count(r => r.Detail == r.ExpectedMessage);
        report.AppendLine($"{sameMessage} of {rejected.Count} rejections give event-ruler's exact message");
        foreach (var r in rejected.Where(r => r.Detail != r.ExpectedMessage))
        {
            report.AppendLine($"MESSAGE {r.Id}: event-ruler \"{r.ExpectedMessage}\", PolicyGate \"{r.Detail}\"");
        }

        output.WriteLine(report.ToString());
        counted.Count.ShouldBeGreaterThan(1000, "the suite should hold more than a thousand counted cases");
        var agreement = (double)(counted.Count - disagreements.Count) / counted.Count;
        agreement.ShouldBeGreaterThanOrEqualTo(0.995, report.ToString());
    }

    private sealed record CaseResult(string Id, bool Uncertain, string Expected, string Actual, string Detail)
    {
        /// <summary>event-ruler's message for a rejected pattern, when the suite records one.</summary>
        public string? ExpectedMessage { get; init; }

        public bool Agrees => Expected == Actual;
    }

    private static List<CaseResult> Run(string[] lines)
    {
        var results = new List<CaseResult>();
        for (var n = 0; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n]))
            {
                continue;
            }

            // Each line is read with the located parser, so numbers keep their text as written.
            var loaded = JsonDocumentParser.Parse(new SourceFile($"cases:{n + 1}", $"cases:{n + 1}", lines[n]), lines[n]);
            loaded.Documents.Length.ShouldBe(1, $"line {n + 1} of the suite is not one JSON object");
            var c = (ObjectNode)loaded.Documents[0];
            var id = ((ScalarNode)c["id"]!).Value;
            var uncertain = c["uncertain"] is ScalarNode { Value: "true" };
            results.Add(c.Has("valid") ? Validity(id, c, uncertain) : Matching(id, c, uncertain));
        }

        return results;
    }

    private static CaseResult Validity(string id, ObjectNode c, bool uncertain)
    {
        var expected = c["valid"] is ScalarNode { Value: "true" } ? "valid" : "invalid";
        var message = (c["error"] as ScalarNode)?.Value;
        var raw = ((ScalarNode)c["pattern_raw"]!).Value;
        var source = PatternText.Parse(raw, id);
        if (source.Root is null)
        {
            return new CaseResult(id, uncertain, expected, "invalid", source.SyntaxError!.Reason) { ExpectedMessage = message };
        }

        var compilation = PatternCompiler.Compile(source.Root);
        return new CaseResult(id, uncertain, expected, compilation.IsValid ? "valid" : "invalid", compilation.FirstError?.Reason ?? "accepted") { ExpectedMessage = message };
    }

    private static CaseResult Matching(string id, ObjectNode c, bool uncertain)
    {
        var expected = c["match"] is ScalarNode { Value: "true" } ? "match" : "no-match";
        var compilation = PatternCompiler.Compile(c["pattern"]!);
        if (compilation.Pattern is null)
        {
            return new CaseResult(id, uncertain, expected, "invalid", compilation.FirstError!.Reason);
        }

        var e = EventDocument.From(c["event"]!);
        if (e is null)
        {
            return new CaseResult(id, uncertain, expected, "invalid", "the event is not an object");
        }

        var matches = compilation.Pattern.Matches(e);
        return new CaseResult(id, uncertain, expected, matches ? "match" : "no-match", matches ? "matched" : MatchExplanation.WhyNot(compilation.Pattern, e));
    }
}
