using System.CommandLine;
using PolicyGate.Checks;
using PolicyGate.Config;
using PolicyGate.Pipeline;
using PolicyGate.Reporting;

namespace PolicyGate.Cli;

/// <summary><c>policygate scan [PATH...]</c>: parse the options, load the configuration, run the pipeline, write the report.</summary>
public static class ScanCommand
{
    public static Command Create(CliOutput io)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or directories to scan (default: the current directory).", Arity = ArgumentArity.ZeroOrMore };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: ./policygate.yaml when present).", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "Report format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(ReportWriters.Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE; a one-line summary still goes to standard error.", HelpName = "FILE" };
        var failOn = new Option<string?>("--fail-on") { Description = "Lowest finding level that fails the run (exit code 1): error, warning, note or never. Default: error." };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "never");
        var ignore = IgnoreFindingOption.Create();

        var command = new Command("scan", "Scan files and directories for IAM policies, CloudFormation templates and EventBridge patterns.")
        {
            paths, config, format, output, failOn, ignore,
        };
        command.SetAction(parse => Run(
            io,
            parse.GetValue(paths) ?? [],
            parse.GetValue(config),
            parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(failOn),
            parse.GetValue(ignore) ?? []));
        return command;
    }

    private static int Run(CliOutput io, string[] paths, string? configPath, string format, string? outputPath, string? failOn, string[] ignore)
    {
        var config = LoadConfig(io, configPath);
        if (config is not null)
        {
            config = IgnoreFindingOption.Apply(config, ignore, RuleCatalog.BuiltIn, io.Error);
        }

        if (config is null)
        {
            return ExitCodes.UsageError;
        }

        var progress = io.ErrorIsTerminal ? new ProgressLine(io.Error) : null;
        var outcome = ScanPipeline.Default.Run(new ScanRequest
        {
            Paths = paths,
            WorkingDirectory = io.WorkingDirectory,
            Config = config,
            Progress = progress is null ? null : progress.Report,
        });
        progress?.Clear();
        if (outcome.Report is not { } report)
        {
            foreach (var missing in outcome.MissingPaths)
            {
                io.Error.WriteLine(missing.StartsWith('-')
                    ? $"policygate: unknown option {missing} (to scan a path starting with '-', put it after --)"
                    : $"policygate: {missing}: no such file or directory");
            }

            return ExitCodes.UsageError;
        }

        var writer = ReportWriters.For(format);
        if (outputPath is not null)
        {
            var full = Path.GetFullPath(outputPath, io.WorkingDirectory);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                using var file = File.Create(full);
                writer.Write(report, file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"policygate: cannot write {outputPath}: {ex.Message}");
                return ExitCodes.ToolFailure;
            }

            io.Error.WriteLine(report.SummaryLine());
        }
        else
        {
            io.Out.Flush();
            using (var stdout = io.OpenStandardOutput())
            {
                writer.Write(report, stdout);
            }

            if (format != "text")
            {
                io.Error.WriteLine(report.SummaryLine());
            }
        }

        return ExitCodes.ForScan(report, failOn ?? config.FailOn ?? "error");
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

        var reportPath = Discovery.RepositoryRoot.ReportPath(Discovery.RepositoryRoot.ReportBase(io.WorkingDirectory), full);
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
