using BenchmarkDotNet.Attributes;
using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.Benchmarks;

/// <summary>
/// EventBridge matching: 1,000 compiled patterns against 10,000 flattened events (10 million decisions per
/// operation), plus the cost of compiling the patterns and flattening the events.
/// </summary>
[MemoryDiagnoser]
public class EventBridgeBenchmarks
{
    private List<Node> _patternTrees = [];
    private List<Node> _eventTrees = [];
    private CompiledPattern[] _patterns = [];
    private EventDocument[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        var patterns = EventBridgeInputs.Patterns(1_000);
        var events = EventBridgeInputs.Events(10_000);
        Console.WriteLine($"// patterns: {EventBridgeInputs.Sizes(patterns)}; events: {EventBridgeInputs.Sizes(events)}");
        _patternTrees = patterns.Select((p, i) => PatternText.Parse(p, $"p{i}.json").Root!).ToList();
        _eventTrees = events.Select((e, i) => PatternText.Parse(e, $"e{i}.json").Root!).ToList();
        _patterns = _patternTrees.Select(t => PatternCompiler.Compile(t).Pattern ?? throw new InvalidOperationException("a generated pattern is invalid")).ToArray();
        _events = _eventTrees.Select(t => EventDocument.From(t)!).ToArray();
        Console.WriteLine($"// matches per pass: {MatchAll():N0}");
    }

    /// <summary>Every pattern against every event: 10,000,000 match decisions.</summary>
    [Benchmark]
    public int MatchAll()
    {
        var matches = 0;
        foreach (var e in _events)
        {
            foreach (var pattern in _patterns)
            {
                if (pattern.Matches(e))
                {
                    matches++;
                }
            }
        }

        return matches;
    }

    [Benchmark]
    public int CompilePatterns()
    {
        var subRules = 0;
        foreach (var tree in _patternTrees)
        {
            subRules += PatternCompiler.Compile(tree).Pattern!.SubRules.Length;
        }

        return subRules;
    }

    [Benchmark]
    public int FlattenEvents()
    {
        var arrays = 0;
        foreach (var tree in _eventTrees)
        {
            arrays += EventDocument.From(tree)!.ArrayCount;
        }

        return arrays;
    }
}
