using System.Text.Json;
using static PolicyGate.Tests.Ci.ShellRunner;

namespace PolicyGate.Tests.Ci;

/// <summary>
/// The composite action's steps (action/scan.sh, action/verdict.sh) run as shell with a simulated GitHub
/// environment: a workspace that is a git repository on a pull request branch, an event payload naming the
/// base commit, and the files the runner provides (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY).
/// </summary>
public sealed class ActionScriptTests : IDisposable
{
    private const string Good = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""";

    private readonly TestDirectory _runner = new();
    private readonly TestDirectory _workspace = new();
    private readonly string _baseSha;

    public ActionScriptTests()
    {
        _workspace.Git("init", "-q");
        _workspace.Write("iam/kept.json", Good.Replace("\"Allow\"", "\"allow\""));
        _workspace.Write("iam/edited.json", Good);
        _workspace.Git("add", "-A");
        _workspace.Git("commit", "-q", "-m", "base");
        _baseSha = _workspace.Git("rev-parse", "HEAD").Trim();
        _workspace.Git("checkout", "-q", "-b", "feature");
        _workspace.Write("iam/edited.json", """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject", "Resource": "arn:aws:s3:::example/*"}]
            }
            """);
        _workspace.Git("commit", "-q", "-am", "feature");
        _runner.Write("event.json", JsonSerializer.Serialize(new { pull_request = new { number = 7, @base = new { sha = _baseSha } } }));
        _runner.Write("output", string.Empty);
        _runner.Write("summary.md", string.Empty);
        Directory.CreateDirectory(_runner.Path_("temp"));
    }

    private static string Script(string name) => Path.Combine(RepositoryPaths.Root, "action", name);

    private Dictionary<string, string> Environment(params (string Key, string Value)[] inputs)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = ToolShim(_runner) + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = _workspace.Root,
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = _runner.Path_("event.json"),
            ["GITHUB_OUTPUT"] = _runner.Path_("output"),
            ["GITHUB_STEP_SUMMARY"] = _runner.Path_("summary.md"),
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "acme/infra",
            ["GITHUB_SHA"] = "0123456789abcdef",
            ["RUNNER_TEMP"] = _runner.Path_("temp"),
            // The action's defaults (action.yml), as the runner would pass them.
            ["PG_PATH"] = ".",
            ["PG_FAIL_ON"] = "error",
            ["PG_FORMAT"] = "github",
            ["PG_CHANGED_SINCE"] = "auto",
        };
        foreach (var (key, value) in inputs)
        {
            environment[key] = value;
        }

        return environment;
    }

    private Dictionary<string, string> Outputs() =>
        File.ReadAllLines(_runner.Path_("output")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    [RequiresToolFact("jq")]
    public void A_pull_request_scan_annotates_the_changed_file_writes_outputs_and_summary_and_the_verdict_fails()
    {
        var scan = Run(_workspace.Root, Environment(), "bash", Script("scan.sh"));
        scan.ExitCode.ShouldBe(0, scan.ToString());

        scan.Stdout.ShouldContain("::error file=iam/edited.json,line=3,endLine=3,col=");
        scan.Stdout.ShouldContain("title=PG2003 ConflictingElements::the statement has both Action and NotAction");
        scan.Stdout.ShouldNotContain("kept.json", customMessage: "only the files changed since the base commit are scanned");
        scan.Stdout.ShouldContain("1 file scanned (1 IAM policy); 1 finding: 1 error, 0 warnings, 0 notes");

        var outputs = Outputs();
        outputs["findings"].ShouldBe("1");
        outputs["errors"].ShouldBe("1");
        outputs["result"].ShouldBe("fail");
        outputs["exit-code"].ShouldBe("1");
        outputs["sarif-file"].ShouldBe(_runner.Path_("temp/policygate.sarif"));
        var sarif = JsonDocument.Parse(File.ReadAllBytes(outputs["sarif-file"])).RootElement;
        sarif.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation")
            .GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("iam/edited.json");

        var summary = File.ReadAllText(_runner.Path_("summary.md"));
        summary.ShouldStartWith("## PolicyGate: 1 error, 0 warnings, 0 notes");
        summary.ShouldContain("| PG2003 | ConflictingElements | 1 | 0 | 0 |");
        summary.ShouldContain("[iam/edited.json:3](https://github.com/acme/infra/blob/0123456789abcdef/iam/edited.json#L3)");
        summary.ShouldMatch(@"Engine: local\. Time taken: \d+\.\d\d s\.");

        var verdict = Run(_workspace.Root, new Dictionary<string, string> { ["PG_EXIT_CODE"] = outputs["exit-code"], ["PG_FINDINGS"] = outputs["findings"], ["PG_FAIL_ON"] = "error" }, "bash", Script("verdict.sh"));
        verdict.ExitCode.ShouldBe(1);
        verdict.Stdout.ShouldContain("::error title=PolicyGate::blocking findings at or above \"error\" (1 open findings)");
    }

    [RequiresToolFact("jq")]
    public void Outside_a_pull_request_everything_is_scanned_and_fail_on_never_passes()
    {
        var scan = Run(_workspace.Root, Environment(("GITHUB_EVENT_PATH", _runner.Path_("missing.json")), ("PG_FAIL_ON", "never")), "bash", Script("scan.sh"));
        scan.Stdout.ShouldContain("::error file=iam/kept.json,");
        scan.Stdout.ShouldContain("::error file=iam/edited.json,");
        var outputs = Outputs();
        (outputs["findings"], outputs["errors"], outputs["result"], outputs["exit-code"]).ShouldBe(("2", "2", "pass", "0"));
        Run(_workspace.Root, new Dictionary<string, string> { ["PG_EXIT_CODE"] = "0" }, "bash", Script("verdict.sh")).ExitCode.ShouldBe(0);
    }

    [RequiresToolFact("jq")]
    public void A_base_commit_missing_from_a_shallow_clone_falls_back_to_a_full_scan_with_a_warning()
    {
        _runner.Write("event.json", JsonSerializer.Serialize(new { pull_request = new { @base = new { sha = "1111111111111111111111111111111111111111" } } }));
        var scan = Run(_workspace.Root, Environment(), "bash", Script("scan.sh"));
        scan.Stdout.ShouldContain("::warning title=PolicyGate::the pull request's base commit 111111111111 is not in this clone, so every file is scanned; check out with fetch-depth: 0");
        scan.Stdout.ShouldContain("iam/kept.json");
        Outputs()["findings"].ShouldBe("2");
    }

    [RequiresToolFact("jq")]
    public void An_explicit_ref_that_is_missing_is_an_error_result_and_the_verdict_exits_2()
    {
        var scan = Run(_workspace.Root, Environment(("PG_CHANGED_SINCE", "origin/main")), "bash", Script("scan.sh"));
        scan.ExitCode.ShouldBe(0);
        scan.Stdout.ShouldContain("git does not know origin/main in this clone");
        var outputs = Outputs();
        (outputs["result"], outputs["exit-code"], outputs["findings"]).ShouldBe(("error", "2", "0"));
        outputs.ShouldNotContainKey("sarif-file");
        var verdict = Run(_workspace.Root, new Dictionary<string, string> { ["PG_EXIT_CODE"] = "2" }, "bash", Script("verdict.sh"));
        verdict.ExitCode.ShouldBe(2);
    }

    [RequiresToolFact("jq")]
    public void Text_output_and_standard_error_are_shown_with_workflow_commands_stopped()
    {
        // A policy whose value carries a line that looks like a workflow command.
        _workspace.Write("iam/edited.json", "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"allow\\n::error file=evil::pwned\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}");
        var scan = Run(_workspace.Root, Environment(("PG_FORMAT", "text"), ("PG_CONFIG", "missing.yaml\n::warning::x")), "bash", Script("scan.sh"));
        var lines = scan.Stdout.Split('\n');
        var stop = lines.First(l => l.StartsWith("::stop-commands::"));
        var token = stop["::stop-commands::".Length..];
        token.Length.ShouldBe(32);
        var resume = Array.IndexOf(lines, $"::{token}::");
        resume.ShouldBeGreaterThan(Array.IndexOf(lines, stop));
        var between = lines[Array.IndexOf(lines, stop)..resume];
        between.ShouldContain(l => l.Contains("configuration file missing.yaml"), string.Join('\n', lines));
        between.ShouldContain("::warning::x does not exist");
    }

    [RequiresToolFact("jq")]
    public void A_text_report_quoting_a_command_from_a_file_is_fenced_too()
    {
        _workspace.Write("iam/edited.json", "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Bogus\\n::error::pwned\": 1}]}");
        var scan = Run(_workspace.Root, Environment(("PG_FORMAT", "text"), ("PG_FAIL_ON", "never")), "bash", Script("scan.sh"));
        var lines = scan.Stdout.Split('\n').ToList();
        var injected = lines.FindIndex(l => l.StartsWith("::error::pwned"));
        injected.ShouldBeGreaterThan(0, scan.ToString());
        var stop = lines.FindLastIndex(injected, l => l.StartsWith("::stop-commands::"));
        stop.ShouldBeGreaterThanOrEqualTo(0, "the line that looks like a command is inside a stop-commands block");
        lines.FindIndex(injected, l => l == $"::{lines[stop]["::stop-commands::".Length..]}::").ShouldBeGreaterThan(injected);
    }

    [RequiresToolFact("jq")]
    public void Inputs_are_data_never_shell_code()
    {
        var marker = _runner.Path_("pwned");
        var scan = Run(_workspace.Root, Environment(("PG_CONFIG", $"$(touch {marker})"), ("PG_BASELINE", $"`touch {marker}`"), ("PG_PATH", $"; touch {marker}")), "bash", Script("scan.sh"));
        File.Exists(marker).ShouldBeFalse(scan.ToString());
        Outputs()["result"].ShouldBe("error");
    }

    [RequiresToolFact("jq")]
    public void Optional_flags_are_passed_only_for_inputs_that_are_set()
    {
        // A stand-in tool that records its arguments, one per line.
        var record = _runner.Path_("args");
        var fake = _runner.Write("fake-policygate", $"#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"{record}\"\nexit 0\n");
        MakeExecutable(fake);

        Run(_workspace.Root, Environment(("PG_TOOL", fake), ("PG_CHANGED_SINCE", "")), "bash", Script("scan.sh")).ExitCode.ShouldBe(0);
        var plain = File.ReadAllLines(record);
        plain.ShouldBe(["scan", "--format", "github", "--fail-on", "error", "--sarif-file", _runner.Path_("temp/policygate.sarif"), "--", "."]);
        _runner.Write("output", string.Empty); // each step gets its own output file

        Run(_workspace.Root, Environment(
            ("PG_TOOL", fake),
            ("PG_ENGINE", "auto"),
            ("PG_CONFIG", "ci/policygate.yaml"),
            ("PG_BASELINE", "ci/base line.sarif"),
            ("PG_PARAMETERS", "Env=prod\r\n\n  \nBucket=my bucket\n"),
            ("PG_PATH", "infra/a dir\n-odd\n"),
            ("PG_SARIF_FILE", "out/pg.sarif")), "bash", Script("scan.sh")).ExitCode.ShouldBe(0);
        File.ReadAllLines(record).ShouldBe(
        [
            "scan", "--format", "github", "--fail-on", "error", "--sarif-file", "out/pg.sarif",
            "--config", "ci/policygate.yaml", "--engine", "auto", "--baseline", "ci/base line.sarif",
            "--parameter", "Env=prod", "--parameter", "Bucket=my bucket",
            "--changed-since", _baseSha,
            "--", "infra/a dir", "-odd",
        ]);
        Outputs()["result"].ShouldBe("pass");
    }

    [RequiresToolFact("jq")]
    public void An_unknown_format_input_is_refused()
    {
        var scan = Run(_workspace.Root, Environment(("PG_FORMAT", "xml")), "bash", Script("scan.sh"));
        scan.Stdout.ShouldContain("::error title=PolicyGate::input format must be github, text, json or sarif, not \"xml\"");
        Outputs()["result"].ShouldBe("error");
    }

    [RequiresToolFact("jq")]
    public void The_verdict_of_a_scan_that_never_ran_fails()
    {
        var verdict = Run(_workspace.Root, new Dictionary<string, string>(), "bash", Script("verdict.sh"));
        verdict.ExitCode.ShouldBe(3);
        verdict.Stdout.ShouldContain("the scan did not run");
    }

    [RequiresToolFact("jq")]
    public void The_action_passes_every_input_through_env_and_calls_these_scripts()
    {
        var action = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action.yml"));
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(action));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents.ShouldHaveSingleItem().RootNode;
        var runs = (YamlDotNet.RepresentationModel.YamlMappingNode)root["runs"];
        runs["using"].ToString().ShouldBe("composite");
        var steps = ((YamlDotNet.RepresentationModel.YamlSequenceNode)runs["steps"]).Children.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().ToList();
        steps.Where(s => s.Children.ContainsKey("run")).ShouldAllBe(s => s["shell"].ToString() == "bash");
        ((YamlDotNet.RepresentationModel.YamlMappingNode)root["inputs"]).Children.Keys.Select(k => k.ToString())
            .ShouldBe(["path", "config", "engine", "fail-on", "format", "sarif-file", "upload-sarif", "category", "changed-since", "baseline", "parameters", "dotnet-version"]);
        action.ShouldContain("using: composite");
        foreach (var script in new[] { "install.sh", "scan.sh", "verdict.sh" })
        {
            action.ShouldContain($"run: bash \"$GITHUB_ACTION_PATH/action/{script}\"");
        }

        // No ${{ }} expression inside a run: line (inputs reach scripts through env: only).
        action.Split('\n').Where(l => l.TrimStart().StartsWith("run:")).ShouldAllBe(l => !l.Contains("${{"));
        foreach (var input in new[] { "path", "config", "engine", "fail-on", "format", "sarif-file", "changed-since", "baseline", "parameters" })
        {
            action.ShouldContain($"${{{{ inputs.{input} }}}}");
        }

        foreach (var output in new[] { "findings", "errors", "sarif-file", "result" })
        {
            action.ShouldContain($"  {output}:\n    description:");
        }

        action.ShouldContain("uses: github/codeql-action/upload-sarif@v3");
        action.IndexOf("upload-sarif@v3", StringComparison.Ordinal).ShouldBeLessThan(action.IndexOf("verdict.sh", StringComparison.Ordinal), "the step fails last");
    }

    public void Dispose()
    {
        _runner.Dispose();
        _workspace.Dispose();
    }
}
