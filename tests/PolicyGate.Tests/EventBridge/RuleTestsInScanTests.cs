using PolicyGate.Checks;
using PolicyGate.Config;
using PolicyGate.Pipeline;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Rule tests configured in policygate.yaml run during scan and report broken expectations at the rule.</summary>
public sealed class RuleTestsInScanTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("policygate-events-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string Finding = """
        {"version":"0","id":"1","detail-type":"Access Analyzer Finding","source":"aws.access-analyzer","account":"111122223333",
         "time":"2019-11-21T01:22:33Z","region":"us-west-2","resources":[],"detail":{"status":"ACTIVE"}}
        """;

    private const string Archived = """
        {"version":"0","id":"2","detail-type":"Access Analyzer Finding","source":"aws.access-analyzer","account":"111122223333",
         "time":"2019-11-21T01:22:33Z","region":"us-west-2","resources":[],"detail":{"status":"ARCHIVED"}}
        """;

    private ConfigLoadResult LoadConfig(string yaml)
    {
        Write("policygate.yaml", yaml);
        return ConfigLoader.Load(Path.Combine(_root, "policygate.yaml"), "policygate.yaml");
    }

    private ScanReport Scan(PolicyGateConfig config)
    {
        var outcome = ScanPipeline.Default.Run(new ScanRequest { Paths = ["."], WorkingDirectory = _root, Config = config });
        outcome.MissingPaths.ShouldBeEmpty();
        return outcome.Report!;
    }

    [Fact]
    public void Broken_expectations_are_reported_at_the_pattern_with_the_deciding_field()
    {
        Write("patterns/active.json", """{"source":["aws.access-analyzer"],"detail":{"status":["ACTIVE"]}}""");
        Write("events/active.json", Finding);
        Write("events/archived.json", Archived);
        var config = LoadConfig("""
            events:
              tests:
                - name: active findings
                  pattern: patterns/active.json
                  match: [events/active.json, events/archived.json]
                  no-match: [events/active.json]
            """);
        config.Errors.ShouldBeEmpty();

        var findings = Scan(config.Config!).Findings.Where(f => f.RuleId == RuleTestFailedRuleId).ToList();
        findings.Select(f => f.Message).ShouldBe(
        [
            "the sample event events/active.json must not match this pattern but does",
            "the sample event events/archived.json must match this pattern but does not: detail.status: the event has \"ARCHIVED\"; the pattern accepts [\"ACTIVE\"]",
        ], ignoreOrder: true);
        findings.ShouldAllBe(f => f.Location.Path == "patterns/active.json" && f.Location.Span.StartLine == 1);
        findings.Single(f => f.Message.Contains("must match", StringComparison.Ordinal)).Location.Span.StartColumn.ShouldBe(54, "a missed match points at the deciding value list");
        findings.Single(f => f.Message.Contains("must not match", StringComparison.Ordinal)).Location.Span.StartColumn.ShouldBe(1, "an unwanted match points at the pattern");
        findings.ShouldAllBe(f => f.Related.Single().Location.Path == "policygate.yaml");
    }

    private const string RuleTestFailedRuleId = "PG4030";

    [Fact]
    public void Passing_tests_report_nothing()
    {
        Write("patterns/active.json", """{"source":["aws.access-analyzer"],"detail":{"status":["ACTIVE"]}}""");
        Write("events/active.json", Finding);
        Write("events/archived.json", Archived);
        var config = LoadConfig("""
            events:
              tests:
                - pattern: patterns/active.json
                  match: [events/active.json]
                  no-match: [events/archived.json]
            """);
        Scan(config.Config!).Findings.Where(f => f.RuleId is "PG4030" or "PG4031").ShouldBeEmpty();
    }

    [Fact]
    public void Tests_that_cannot_run_are_reported_at_the_configuration()
    {
        Write("patterns/active.json", """{"source":["aws.access-analyzer"],"detail":{"status":["ACTIVE"]}}""");
        Write("patterns/not-a-pattern.json", """{"name":"x","version":"1"}""");
        Write("events/partial.json", """{"source":"aws.access-analyzer","detail-type":"Access Analyzer Finding","time":"2019-11-21T01:22:33Z","detail":{"status":"ACTIVE"}}""");
        Write("templates/t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
        Write("events/active.json", Finding);
        var config = LoadConfig("""
            events:
              tests:
                - pattern: patterns/active.json
                  match: [events/partial.json]
                - pattern: patterns/not-a-pattern.json
                  match: [events/active.json]
                - template: templates/t.yaml
                  rule: Missing
                  match: [events/active.json]
                - template: templates/t.yaml
                  rule: Topic
                  match: [events/active.json]
            """);
        var findings = Scan(config.Config!).Findings.Where(f => f.RuleId == "PG4031").ToList();
        findings.Select(f => (f.Location.Path, f.Location.Span.StartLine, f.Message)).ShouldBe(
        [
            ("policygate.yaml", 4, "the sample event events/partial.json cannot be used: Parameter Event is not valid: the event lacks id, account, region (TestEventPattern requires id, account, source, time, region, detail-type)"),
            ("policygate.yaml", 5, "the events test cannot run: patterns/not-a-pattern.json is not an event pattern (PolicyGate reads it as neither a pattern nor an event: a pattern has source, detail-type or detail with value lists)"),
            ("policygate.yaml", 7, "the events test cannot run: templates/t.yaml has no resource Missing"),
            ("policygate.yaml", 10, "the events test cannot run: Topic in templates/t.yaml is AWS::SNS::Topic, not an AWS::Events::Rule or a SAM function"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Configuration_errors_are_located()
    {
        var missing = LoadConfig("""
            events:
              tests:
                - pattern: patterns/nowhere.json
                  match: [events/none.json]
            """);
        missing.Succeeded.ShouldBeFalse();
        missing.Errors.Select(e => (e.Location.Span.StartLine, e.Message)).ShouldBe(
        [
            (3, "events test: the file patterns/nowhere.json does not exist (paths are relative to the configuration file)"),
            (4, "events test: the file events/none.json does not exist (paths are relative to the configuration file)"),
        ]);

        Write("p.json", "{\"source\":[\"x\"]}");
        var both = LoadConfig("""
            events:
              tests:
                - pattern: p.json
                  template: p.json
                  rule: R
                  match: []
            """);
        both.Errors.ShouldHaveSingleItem().Message.ShouldContain("either \"pattern\"");

        var unknownKey = LoadConfig("""
            events:
              tests:
                - pattern: p.json
                  matches: [p.json]
            """);
        unknownKey.Errors.ShouldHaveSingleItem().Message.ShouldContain("unknown key \"matches\"");
    }

    [Fact]
    public void The_examples_scan_fails_on_its_deliberate_errors_only()
    {
        var examples = RepositoryPaths.InRepo("examples", "policies");
        var configPath = Path.Combine(examples, "policygate.yaml");
        var reportBase = PolicyGate.Discovery.RepositoryRoot.ReportBase(examples);
        var prefix = PolicyGate.Discovery.RepositoryRoot.ReportPath(reportBase, examples) + "/";
        var config = ConfigLoader.Load(configPath, PolicyGate.Discovery.RepositoryRoot.ReportPath(reportBase, configPath));
        config.Errors.ShouldBeEmpty();
        var report = ScanPipeline.Default.Run(new ScanRequest { Paths = ["."], WorkingDirectory = examples, Config = config.Config! }).Report!;
        ExitCodes.ForScan(report, "error").ShouldBe(ExitCodes.Findings);
        report.Findings.ShouldNotContain(f => f.RuleId == "PG9002" || f.RuleId == "PG4031");
        var errors = report.Findings.Where(f => f.Level == FindingLevel.Error && f.RuleId.StartsWith("PG4", StringComparison.Ordinal)).Select(f => $"{f.RuleId} {f.Location.Path.Replace(prefix, string.Empty, StringComparison.Ordinal)}").Distinct().ToList();
        errors.ShouldBe(
        [
            "PG4000 patterns/access-analyzer-scalar.json",
            "PG4030 patterns/iam-changes-legacy.json",
            "PG4030 patterns/identity-center-sign-ins-legacy.yaml",
            "PG4500 templates/access-analyzer.yaml",
            "PG4501 templates/access-analyzer.yaml",
            "PG4503 templates/access-analyzer.yaml",
        ], ignoreOrder: true);
    }
}
