using System.CommandLine;
using System.Diagnostics;
using PolicyGate.Config;
using PolicyGate.Discovery;
using PolicyGate.Pipeline;
using PolicyGate.Reporting;

namespace PolicyGate.Cli;

/// <summary><c>policygate scan [PATH...]</c>: parse the options, load the configuration, run the pipeline, write the report.</summary>
public static class ScanCommand
{
    public static Command Create(CliOutput io)
    {
        var selection = new ScanSelectionOptions();
        var format = new Option<string>("--format") { Description = "Report format: text, sarif, json, or github (annotations; with GITHUB_STEP_SUMMARY set, also a job summary).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(ReportWriters.Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE; a one-line summary still goes to standard error.", HelpName = "FILE" };
        var sarifFile = new Option<string?>("--sarif-file") { Description = "Also write the SARIF report to FILE, whatever --format is (the GitHub Action uses this with --format github).", HelpName = "FILE" };
        var failOn = new Option<string?>("--fail-on") { Description = "Lowest finding level that fails the run (exit code 1): error, warning, note or never. Default: error." };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "never");
        var baseline = new Option<string?>("--baseline") { Description = "A previous SARIF report (see 'policygate baseline'): findings already in it are marked unchanged and do not fail the run. Default: the configuration's 'baseline' file.", HelpName = "FILE" };
        var includeSuppressed = new Option<bool>("--include-suppressed") { Description = "Keep suppressed findings in the report, marked with their justification (SARIF 'suppressions'). GitHub code scanning ignores the mark and opens alerts for them, so they are left out by default." };

        var command = new Command("scan", "Scan files and directories for IAM policies, CloudFormation templates and EventBridge patterns.")
        {
            format, output, sarifFile, failOn, baseline, includeSuppressed,
        };
        selection.AddTo(command);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var setup = selection.Resolve(parse, io);
            if (setup.ExitCode is { } failed)
            {
                return failed;
            }

            var request = setup.Request!;
            var baselinePath = parse.GetValue(baseline) is { } given ? Path.GetFullPath(given, io.WorkingDirectory) : request.Config.Adoption.BaselinePath;
            if (baselinePath is not null)
            {
                try
                {
                    request = request with { Baseline = Baseline.Read(baselinePath, parse.GetValue(baseline) ?? RepositoryRoot.ReportPath(RepositoryRoot.ReportBase(io.WorkingDirectory), baselinePath)) };
                }
                catch (BaselineException ex)
                {
                    io.Error.WriteLine($"policygate: {ex.Message}");
                    return ExitCodes.UsageError;
                }
            }

            request = request with { IncludeSuppressed = parse.GetValue(includeSuppressed) };
            if (ScanSelectionOptions.Run(io, request) is not { } report)
            {
                return ExitCodes.UsageError;
            }

            var formatName = parse.GetValue(format)!;
            if (parse.GetValue(sarifFile) is { } sarifPath && !ReportFiles.TryWrite(io, sarifPath, stream => new SarifReportWriter().Write(report, stream)))
            {
                return ExitCodes.ToolFailure;
            }

            if (!WriteReport(io, report, formatName, parse.GetValue(output)))
            {
                return ExitCodes.ToolFailure;
            }

            if (formatName == "github" && io.Environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summaryPath)
            {
                var facts = new RunFacts(clock.Elapsed) { BlobUrl = RunFacts.BlobUrlFrom(io.Environment) };
                if (!ReportFiles.TryAppend(io, summaryPath, JobSummaryWriter.Render(report, facts)))
                {
                    return ExitCodes.ToolFailure;
                }
            }

            return ExitCodes.ForScan(report, parse.GetValue(failOn) ?? request.Config.FailOn ?? "error");
        });
        return command;
    }

    private static bool WriteReport(CliOutput io, ScanReport report, string format, string? outputPath)
    {
        var writer = ReportWriters.For(format);
        if (outputPath is not null)
        {
            if (!ReportFiles.TryWrite(io, outputPath, stream => writer.Write(report, stream)))
            {
                return false;
            }

            io.Error.WriteLine(report.SummaryLine());
            return true;
        }

        io.Out.Flush();
        using (var stdout = io.OpenStandardOutput())
        {
            writer.Write(report, stdout);
        }

        if (format is not "text" and not "github")
        {
            io.Error.WriteLine(report.SummaryLine());
        }

        return true;
    }

    /// <summary>The run's configuration, or null after reporting why it cannot be used (exit code 2).</summary>
    internal static PolicyGateConfig? LoadConfig(CliOutput io, string? configPath)
    {
        var explicitPath = configPath is not null;
        var full = Path.GetFullPath(configPath ?? ConfigLoader.DefaultFileName, io.WorkingDirectory);
        if (!File.Exists(full))
        {
            if (explicitPath)
            {
                io.Error.WriteLine($"policygate: configuration file {configPath} does not exist");
                return null;
            }

            return PolicyGateConfig.Default;
        }

        var reportPath = RepositoryRoot.ReportPath(RepositoryRoot.ReportBase(io.WorkingDirectory), full);
        var result = ConfigLoader.Load(full, reportPath);
        if (result.Succeeded)
        {
            return result.Config;
        }

        foreach (var error in result.Errors)
        {
            io.Error.WriteLine($"{error.Location.Path}:{error.Location.Span.StartLine}:{error.Location.Span.StartColumn}: error {Checks.Configuration.InvalidConfigurationRule.Rule.Id} {error.Message}");
        }

        io.Error.WriteLine($"policygate: the configuration in {reportPath} is not valid ({result.Errors.Count} error{(result.Errors.Count == 1 ? string.Empty : "s")})");
        return null;
    }
}
