using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyGate.EventBridge.Testing;
using PolicyGate.Pipeline;

namespace PolicyGate.Cli;

/// <summary>
/// <c>policygate events test --pattern P --event E</c> (exit 0 match, 1 no match, 2 invalid) and
/// <c>policygate events test --cases FILE.jsonl</c> (one JSON line out per case line in).
/// </summary>
public static class EventsTestCommand
{
    public static Command Create(CliOutput io)
    {
        var pattern = new Option<string?>("--pattern") { Description = "The event pattern: a JSON or YAML file, or JSON text.", HelpName = "FILE|JSON" };
        var e = new Option<string?>("--event") { Description = "The event: a JSON or YAML file, or JSON text. Without it the pattern is only validated.", HelpName = "FILE|JSON" };
        var cases = new Option<string?>("--cases") { Description = "A file of JSON lines {\"id\", \"pattern\", \"event\"}; writes one line {\"id\", \"result\", \"message\"} per case.", HelpName = "FILE.jsonl" };
        var format = new Option<string>("--format") { Description = "Output for a single test.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var partial = new Option<bool>("--allow-partial-event") { Description = "Match events that lack TestEventPattern's envelope fields (id, account, source, time, region, detail-type)." };
        var command = new Command("test", "Offline TestEventPattern: does the event match the pattern, exactly as EventBridge decides?")
        {
            pattern, e, cases, format, partial,
        };
        command.SetAction(parse => Run(io, parse.GetValue(pattern), parse.GetValue(e), parse.GetValue(cases), parse.GetValue(format)!, parse.GetValue(partial)));
        return command;
    }

    private static int Run(CliOutput io, string? pattern, string? e, string? cases, string format, bool allowPartialEvent)
    {
        if (cases is not null)
        {
            if (pattern is not null || e is not null)
            {
                io.Error.WriteLine("policygate: events test takes either --cases or --pattern (with --event), not both");
                return ExitCodes.UsageError;
            }

            return RunCases(io, cases, allowPartialEvent);
        }

        if (pattern is null)
        {
            io.Error.WriteLine("policygate: events test needs --pattern (and --event), or --cases");
            return ExitCodes.UsageError;
        }

        var patternInput = TestInput.Read(pattern, io.WorkingDirectory, "--pattern");
        var eventInput = e is null ? null : TestInput.Read(e, io.WorkingDirectory, "--event");
        TestOutcome outcome;
        if (patternInput.Root is null)
        {
            outcome = new TestOutcome(TestResult.Invalid, patternInput.Problem!);
        }
        else if (eventInput is { Root: null })
        {
            outcome = new TestOutcome(TestResult.Invalid, $"the event cannot be read: {eventInput.Problem}");
        }
        else
        {
            outcome = PatternTest.Run(patternInput.Root, eventInput?.Root, allowPartialEvent);
        }

        if (patternInput.TrailingText is { } trailing)
        {
            io.Error.WriteLine($"policygate: warning: text after the pattern's closing brace (from line {trailing.StartLine}, column {trailing.StartColumn}) is ignored, as EventBridge ignores it");
        }

        if (format == "json")
        {
            io.Out.WriteLine(Line(null, outcome, includeId: false));
        }
        else
        {
            io.Out.WriteLine(outcome.Result switch
            {
                TestResult.Match => "match",
                TestResult.Valid => "valid",
                TestResult.NoMatch => $"no match: {outcome.Message}",
                _ => $"invalid: {outcome.Message}",
            });
        }

        return outcome.Result switch
        {
            TestResult.Match or TestResult.Valid => ExitCodes.Success,
            TestResult.NoMatch => ExitCodes.Findings,
            _ => ExitCodes.UsageError,
        };
    }

    private static int RunCases(CliOutput io, string path, bool allowPartialEvent)
    {
        var full = Path.GetFullPath(path, io.WorkingDirectory);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"policygate: cannot read {path}: {(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message.Replace(full, path, StringComparison.Ordinal))}");
            return ExitCodes.UsageError;
        }

        foreach (var outcome in CaseFile.Run(text, path, allowPartialEvent))
        {
            io.Out.WriteLine(Line(outcome.Id, outcome.Outcome, includeId: true));
        }

        return ExitCodes.Success;
    }

    private static string Line(string? id, TestOutcome outcome, bool includeId)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (includeId)
            {
                if (id is null)
                {
                    w.WriteNull("id");
                }
                else
                {
                    w.WriteString("id", id);
                }
            }

            w.WriteString("result", outcome.ResultName);
            w.WriteString("message", outcome.Message);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
