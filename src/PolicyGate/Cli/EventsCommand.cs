using System.CommandLine;

namespace PolicyGate.Cli;

/// <summary><c>policygate events test|lint</c>: offline TestEventPattern and the EventBridge linter.</summary>
public static class EventsCommand
{
    public static Command Create(CliOutput io) =>
        new("events", "EventBridge patterns: test them against events offline, or lint pattern files and templates.")
        {
            EventsTestCommand.Create(io),
            EventsLintCommand.Create(io),
        };
}
