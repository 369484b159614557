using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Events;
using PolicyGate.Tests.Documents;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Compiling patterns and matching events from JSON or YAML text in tests.</summary>
internal static class PatternKit
{
    public static PatternCompilation Compile(string text, string path = "pattern.json")
    {
        var source = PatternText.Parse(text, path);
        source.SyntaxError.ShouldBeNull();
        return PatternCompiler.Compile(source.Root!);
    }

    public static CompiledPattern Valid(string text)
    {
        var compilation = Compile(text);
        compilation.Errors.ShouldBeEmpty();
        return compilation.Pattern!;
    }

    public static PatternError Invalid(string text)
    {
        var compilation = Compile(text);
        compilation.IsValid.ShouldBeFalse($"the pattern should be rejected: {text}");
        return compilation.FirstError!;
    }

    public static EventDocument Event(string text)
    {
        var source = PatternText.Parse(text, "event.json");
        source.SyntaxError.ShouldBeNull();
        return EventDocument.From(source.Root!)!;
    }

    public static bool Matches(string pattern, string e) => Valid(pattern).Matches(Event(e));

    public static Node Yaml(string text, string path = "pattern.yaml") => DocumentTestKit.Root(path, text);
}
