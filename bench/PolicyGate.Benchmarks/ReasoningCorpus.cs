using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning;
using PolicyGate.Reasoning.Checks;

namespace PolicyGate.Benchmarks;

/// <summary>
/// The corpus run of scripts/corpus-no-new-access: CheckNoNewAccess of each AWS managed policy version against
/// its predecessor (pairs given as JSON lines {"name","from","to","old","new"}), every FAIL's counterexamples
/// re-checked by the engine itself. Prints the verdicts, the share of "could not prove", and the median, p99
/// and maximum time per check (after one warm-up pass over the first pairs).
/// </summary>
public static class ReasoningCorpus
{
    public static int Run(string pairsFile, TextWriter output)
    {
        var pairs = File.ReadLines(pairsFile).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        var engine = new LocalPolicyCheckEngine();
        foreach (var pair in pairs.Take(50))
        {
            Check(engine, pair);
        }

        var times = new List<double>(pairs.Count);
        int pass = 0, fail = 0, undecided = 0, counterexamples = 0, reflexiveFailures = 0;
        var slowest = new List<(double Ms, string Name)>();
        var undecidedNames = new List<string>();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var pair in pairs)
        {
            var start = Stopwatch.GetTimestamp();
            PolicyCheckResult result;
            try
            {
                result = Check(engine, pair);
            }
            catch (SelfCheckFailedException ex)
            {
                output.WriteLine($"SELF-CHECK FAILED {Name(pair)}: {ex.Message}");
                return 3;
            }

            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            times.Add(ms);
            slowest.Add((ms, Name(pair)));
            if (result.Result == CheckVerdict.Pass)
            {
                pass++;
            }
            else if (result.Undecided)
            {
                undecided++;
                undecidedNames.Add($"{Name(pair)}: {result.Reasons[0].Explanation}");
            }
            else
            {
                fail++;
                counterexamples += result.Reasons.Count(r => r.Counterexample is not null);
                failures.Add($"{Name(pair)}: {Describe(result)}");
            }
        }

        var total = clock.Elapsed.TotalSeconds;
        foreach (var pair in pairs)
        {
            var doc = pair.GetProperty("new").GetRawText();
            if (engine.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(new(doc), new(doc), CheckPolicyType.Identity), default).Result.Result != CheckVerdict.Pass)
            {
                reflexiveFailures++;
            }
        }

        times.Sort();
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        output.WriteLine($"pairs: {pairs.Count}; PASS {pass}, FAIL {fail} ({counterexamples} counterexamples, each re-checked), could not prove {undecided} ({F(100.0 * undecided / Math.Max(1, pairs.Count))} %)");
        output.WriteLine($"time per check: median {F(Percentile(times, 0.5))} ms, p99 {F(Percentile(times, 0.99))} ms, max {F(times[^1])} ms; all pairs {F(total)} s");
        output.WriteLine($"each new version against itself: {pairs.Count - reflexiveFailures} PASS, {reflexiveFailures} not PASS");
        foreach (var (ms, name) in slowest.OrderByDescending(s => s.Ms).Take(5))
        {
            output.WriteLine($"  slow: {F(ms)} ms {name}");
        }

        foreach (var name in undecidedNames.Take(20))
        {
            output.WriteLine($"  could not prove: {name}");
        }

        // Evenly spaced FAIL samples, so a reviewer can check that the new versions really grant more.
        var step = Math.Max(1, failures.Count / 20);
        for (var i = 0; i < failures.Count; i += step)
        {
            output.WriteLine($"  fail: {failures[i]}");
        }

        return 0;
    }

    private static PolicyCheckResult Check(LocalPolicyCheckEngine engine, JsonElement pair) =>
        engine.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(new(pair.GetProperty("new").GetRawText()), new(pair.GetProperty("old").GetRawText()), CheckPolicyType.Identity), default).Result;

    private static string Describe(PolicyCheckResult result)
    {
        var reason = result.Reasons.FirstOrDefault(r => r.Counterexample is not null) ?? result.Reasons.FirstOrDefault();
        var example = reason?.Counterexample;
        return example is null
            ? $"{result.Reasons.Length} reason(s), no counterexample: {reason?.Explanation ?? result.Message}"
            : $"{result.Reasons.Length} reason(s); e.g. {example.Action} on {example.Resource} (statement {reason!.StatementIndex})";
    }

    private static string Name(JsonElement pair) => $"{pair.GetProperty("name").GetString()} {pair.GetProperty("from").GetString()}->{pair.GetProperty("to").GetString()}";

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
