using PolicyGate.Tests.Cli;
using System.Text;
using PolicyGate.Cli;

namespace PolicyGate.Tests.EventBridge;

/// <summary>policygate events test and events lint, through the command line.</summary>
public sealed class EventsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policygate-events-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CliRunner.Result Run(params string[] args) => RunIn(_dir, args);

    private static CliRunner.Result RunIn(string directory, params string[] args) => CliRunner.Run(directory, args);

    private static string Examples => RepositoryPaths.InRepo("examples", "policies");

    [Fact]
    public void A_matching_event_exits_0()
    {
        var (exit, output, _) = RunIn(Examples, "events", "test", "--pattern", "patterns/active-findings.json", "--event", "events/access-analyzer-finding-error.json");
        exit.ShouldBe(0);
        output.Trim().ShouldBe("match");
    }

    [Fact]
    public void A_non_matching_event_exits_1_and_names_the_field()
    {
        var (exit, output, _) = RunIn(Examples, "events", "test", "--pattern", "patterns/active-findings.json", "--event", "events/unused-access-finding.json");
        exit.ShouldBe(1);
        output.Trim().ShouldBe("no match: detail-type: the event has \"Unused Access Finding for IAM entities\"; the pattern accepts [\"Access Analyzer Finding\"]");
    }

    [Fact]
    public void An_invalid_pattern_exits_2_with_the_service_message()
    {
        var (exit, output, _) = Run("events", "test", "--pattern", """{"source": "aws.iam"}""", "--event", """{"source":"aws.iam"}""");
        exit.ShouldBe(2);
        output.Trim().ShouldBe("invalid: Event pattern is not valid. Reason: \"source\" must be an object or an array (at --pattern:1:12)");
    }

    [Fact]
    public void Events_must_carry_the_test_event_pattern_envelope_unless_partial_events_are_allowed()
    {
        Run("events", "test", "--pattern", """{"a":[5]}""", "--event", """{"a":5.0}""").ExitCode.ShouldBe(2);
        var (exit, output, _) = Run("events", "test", "--pattern", """{"a":[5]}""", "--event", """{"a":5.0}""", "--allow-partial-event", "--format", "json");
        exit.ShouldBe(0);
        output.Trim().ShouldBe("""{"result":"match","message":"the event matches the pattern"}""");
    }

    [Fact]
    public void A_pattern_alone_is_validated()
    {
        Run("events", "test", "--pattern", """{"a":[{"wildcard":"x**"}]}""").ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(2),
            r => r.Stdout.ShouldContain("Consecutive wildcard characters at pos 2"));
        Run("events", "test", "--pattern", """{"a":["b"]} trailing""").ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(0),
            r => r.Stdout.Trim().ShouldBe("valid"),
            r => r.Stderr.ShouldContain("is ignored"));
    }

    [Fact]
    public void Missing_inputs_are_usage_errors()
    {
        Run("events", "test", "--pattern", "nowhere.json", "--event", "{}").ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(2),
            r => r.Stdout.ShouldContain("nowhere.json: no such file"));
        Run("events", "test").ExitCode.ShouldBe(2);
        Run("events", "test", "--cases", "none.jsonl").ExitCode.ShouldBe(2);
        Run("events", "test", "--cases", "a.jsonl", "--pattern", "{}").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void The_cases_file_gives_one_line_per_case()
    {
        File.WriteAllText(Path.Combine(_dir, "cases.jsonl"), """
            {"id":"1","pattern":{"a":[300]},"event":{"a":3.0e2}}
            {"id":"2","pattern":"{\"a\":[\"x\"]}","event":"{\"a\":\"y\"}"}
            {"id":"3","pattern":{"a":"x"}}
            {"id":"4","pattern":{"a":[{"exists":false}]}}

            not json
            {"id":5,"event":{}}
            """);
        var (exit, output, _) = Run("events", "test", "--cases", "cases.jsonl", "--allow-partial-event");
        exit.ShouldBe(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            """{"id":"1","result":"match","message":"the event matches the pattern"}""",
            """{"id":"2","result":"no-match","message":"a: the event has \"y\"; the pattern accepts [\"x\"]"}""",
            """{"id":"3","result":"invalid","message":"Event pattern is not valid. Reason: \"a\" must be an object or an array (at cases.jsonl:3, column 26)"}""",
            """{"id":"4","result":"valid","message":"the pattern is valid"}""",
            """{"id":null,"result":"invalid","message":"line 6 is not a case object: invalid literal \"not\": expected null, a string in double quotes, a number, an object or an array"}""",
            """{"id":"5","result":"invalid","message":"line 7 has no \"pattern\""}""",
        ]);
    }

    [Fact]
    public void Lint_reports_eventbridge_findings_for_the_files_given()
    {
        var (exit, output, _) = RunIn(Examples, "events", "lint", "patterns/access-analyzer-typos.json", "--format", "json");
        exit.ShouldBe(0, "the typos are warnings, and lint fails on errors by default");
        output.ShouldContain("\"PG4013\"");
        output.ShouldContain("\"PG4012\"");
        output.ShouldContain("\"PG4016\"");

        var scalar = RunIn(Examples, "events", "lint", "patterns/access-analyzer-scalar.json");
        scalar.ExitCode.ShouldBe(1);
        scalar.Stdout.ShouldContain("error PG4000 Event pattern is not valid. Reason: \"source\" must be an object or an array");
        RunIn(Examples, "events", "lint", "patterns/missing.json").ExitCode.ShouldBe(2);
    }

}
