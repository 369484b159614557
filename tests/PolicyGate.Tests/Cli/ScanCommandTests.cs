using System.Text.Json;
using PolicyGate.Pipeline;

namespace PolicyGate.Tests.Cli;

public class ScanCommandTests
{
    [Fact]
    public void Version_prints_the_tool_version()
    {
        var result = CliRunner.Run(RepositoryPaths.Root, "--version");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldStartWith("policygate ");
        result.Stdout.ShouldContain(ToolInfo.Current.Version);
    }

    [Fact]
    public void Scanning_the_examples_reports_located_findings_and_exits_1()
    {
        var result = CliRunner.Run(RepositoryPaths.Root, "scan", "examples/policies");
        result.ExitCode.ShouldBe(ExitCodes.Findings);
        result.Stdout.ShouldContain("examples/policies/iam/ops-break-glass.json:6:17: error PG2002 Effect \"allow\" must be written \"Allow\"");
        result.Stdout.ShouldContain("examples/policies/iam/legacy-export.json:7:51: error PG1001 trailing comma");
        result.Stdout.Trim().Split('\n')[^1].ShouldMatch(@"^\d+ files scanned .*; \d+ findings: \d+ errors, \d+ warnings, \d+ notes(; \d+ suppressed)?$");
    }

    [Fact]
    public void A_clean_tree_exits_0()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");
        var result = CliRunner.Run(dir.Root, "scan");
        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        result.Stdout.ShouldContain("1 file scanned (1 IAM policy); 0 findings");
    }

    [Theory]
    [InlineData("never", 0)]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    public void Fail_on_sets_the_threshold(string failOn, int expected)
    {
        using var dir = new TestDirectory();
        dir.WriteBytes("big.json", new byte[2048]);
        dir.Write("policygate.yaml", "max-file-size: 1KB\n");
        var result = CliRunner.Run(dir.Root, "scan", "--fail-on", failOn);
        result.Stdout.ShouldContain("warning PG1004");
        result.ExitCode.ShouldBe(expected);
    }

    [Fact]
    public void Fail_on_never_keeps_errors_reported_but_exits_0()
    {
        var result = CliRunner.Run(RepositoryPaths.Root, "scan", "examples/policies", "--fail-on", "never");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("error PG2002");
    }

    [Fact]
    public void Output_file_gets_the_report_and_stderr_the_summary()
    {
        using var dir = new TestDirectory();
        var result = CliRunner.Run(RepositoryPaths.Root, "scan", "examples/policies", "--format", "json", "--output", Path.Combine(dir.Root, "out", "r.json"));
        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("files scanned");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Root, "out", "r.json")));
        json.RootElement.GetProperty("findings").GetArrayLength().ShouldBeGreaterThan(0);
        var first = json.RootElement.GetProperty("findings")[0];
        first.GetProperty("path").GetString().ShouldStartWith("examples/policies/");
        first.GetProperty("startLine").GetInt32().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("sarif")]
    [InlineData("json")]
    [InlineData("text")]
    public void Reports_are_byte_identical_across_runs(string format)
    {
        var first = CliRunner.Run(RepositoryPaths.Root, "scan", "examples/policies", "--format", format);
        var second = CliRunner.Run(RepositoryPaths.Root, "scan", "examples/policies", "--format", format);
        second.StdoutBytes.ShouldBe(first.StdoutBytes);
        first.StdoutBytes.Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Reports_do_not_depend_on_the_working_directory()
    {
        var fromRoot = CliRunner.Run(RepositoryPaths.Root, "scan", "examples/policies", "--config", "examples/policies/policygate.yaml", "--format", "sarif");
        var fromInside = CliRunner.Run(RepositoryPaths.Examples, "scan", ".", "--format", "sarif");
        fromRoot.ExitCode.ShouldBe(1, fromRoot.Stderr);
        fromInside.StdoutBytes.ShouldBe(fromRoot.StdoutBytes);
    }

    [Fact]
    public void Unknown_options_missing_paths_and_bad_values_are_usage_errors()
    {
        CliRunner.Run(RepositoryPaths.Root, "scan", "--bogus").ExitCode.ShouldBe(ExitCodes.UsageError);
        var missing = CliRunner.Run(RepositoryPaths.Root, "scan", "no/such/dir");
        missing.ExitCode.ShouldBe(ExitCodes.UsageError);
        missing.Stderr.ShouldContain("no/such/dir: no such file or directory");
        CliRunner.Run(RepositoryPaths.Root, "scan", "--format", "xml").ExitCode.ShouldBe(ExitCodes.UsageError);
        CliRunner.Run(RepositoryPaths.Root, "frobnicate").ExitCode.ShouldBe(ExitCodes.UsageError);
        CliRunner.Run(RepositoryPaths.Root).ExitCode.ShouldBe(ExitCodes.UsageError);
    }

    [Fact]
    public void Help_exits_0_and_lists_the_options()
    {
        var result = CliRunner.Run(RepositoryPaths.Root, "scan", "--help");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("--fail-on");
        result.Stdout.ShouldContain("--config");
    }

    [Fact]
    public void An_invalid_configuration_is_reported_at_its_line_and_exits_2()
    {
        using var dir = new TestDirectory();
        dir.Write("policygate.yaml", "include: [\"infra/**\"]\nexlude: [\"x\"]\nfail-on: errors\n");
        dir.Write("p.json", "{}");
        var result = CliRunner.Run(dir.Root, "scan");
        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("policygate.yaml:2:1: error PG9001 unknown key \"exlude\"; did you mean \"exclude\"?");
        result.Stderr.ShouldContain("policygate.yaml:3:10: error PG9001 \"fail-on\" must be one of: error, warning, note, never");
    }

    [Fact]
    public void An_explicit_configuration_that_does_not_exist_is_a_usage_error()
    {
        using var dir = new TestDirectory();
        var result = CliRunner.Run(dir.Root, "scan", "--config", "missing.yaml");
        result.ExitCode.ShouldBe(ExitCodes.UsageError);
        result.Stderr.ShouldContain("missing.yaml does not exist");
    }

    [Fact]
    public void Configuration_turns_rules_off_and_changes_levels_by_id()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", """{"Version": "2012-10-18", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Extra": 1}}""");
        dir.Write("cfg.yaml", "rules:\n  PG2005: off\n  PG2004: note\n");
        var result = CliRunner.Run(dir.Root, "scan", "--config", "cfg.yaml");
        result.Stdout.ShouldNotContain("PG2005");
        result.Stdout.ShouldContain("note PG2004");
        result.ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Include_and_exclude_from_the_configuration_limit_the_scan()
    {
        using var dir = new TestDirectory();
        dir.Write("infra/bad.json", "{");
        dir.Write("fixtures/bad.json", "{");
        dir.Write("policygate.yaml", "exclude: [\"fixtures/**\"]\n");
        var result = CliRunner.Run(dir.Root, "scan");
        result.Stdout.ShouldContain("infra/bad.json");
        result.Stdout.ShouldNotContain("fixtures/bad.json");
    }

    [Fact]
    public void Config_files_found_while_scanning_are_validated_too()
    {
        using var dir = new TestDirectory();
        dir.Write("sub/policygate.yaml", "bogus: 1\n");
        var result = CliRunner.Run(dir.Root, "scan");
        result.Stdout.ShouldContain("sub/policygate.yaml:1:1: error PG9001 unknown key \"bogus\"");
        result.ExitCode.ShouldBe(1);
    }
}
