using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge.Testing;

public enum TestResult
{
    Match,
    NoMatch,
    Valid,
    Invalid,
}

/// <summary>The outcome of testing a pattern (against an event, or alone), with a one-line explanation.</summary>
public sealed record TestOutcome(TestResult Result, string Message)
{
    public string ResultName => Result switch
    {
        TestResult.Match => "match",
        TestResult.NoMatch => "no-match",
        TestResult.Valid => "valid",
        _ => "invalid",
    };
}

/// <summary>
/// Offline TestEventPattern: validates the pattern as EventBridge does and, given an event, says whether it
/// matches and, when it does not, which field decided. The event must be a JSON object with the envelope
/// TestEventPattern requires, unless partial events are allowed.
/// </summary>
public static class PatternTest
{
    /// <param name="where">How to name an error's location in the message (default path:line:column).</param>
    public static TestOutcome Run(Node pattern, Node? e, bool allowPartialEvent, Func<SourceLocation, string>? where = null)
    {
        var compilation = PatternCompiler.Compile(pattern);
        if (compilation.FirstError is { } error)
        {
            var at = where?.Invoke(error.Location) ?? $"{error.Location.Path}:{error.Location.Span.StartLine}:{error.Location.Span.StartColumn}";
            return new TestOutcome(TestResult.Invalid, $"{error.ServiceMessage} (at {at})");
        }

        if (e is null)
        {
            return new TestOutcome(TestResult.Valid, "the pattern is valid");
        }

        var problem = allowPartialEvent
            ? e is ObjectNode ? null : "Parameter Event is not valid: the event must be a JSON object"
            : TestEventRequirements.Check(e);
        if (problem is not null)
        {
            return new TestOutcome(TestResult.Invalid, problem);
        }

        var document = EventDocument.From(e)!;
        return compilation.Pattern!.Matches(document)
            ? new TestOutcome(TestResult.Match, "the event matches the pattern")
            : new TestOutcome(TestResult.NoMatch, MatchExplanation.WhyNot(compilation.Pattern, document));
    }
}
