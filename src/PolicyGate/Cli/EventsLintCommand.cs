using System.CommandLine;
using PolicyGate.Checks;
using PolicyGate.Pipeline;
using PolicyGate.Reporting;

namespace PolicyGate.Cli;

/// <summary>
/// <c>policygate events lint FILE...</c>: the scan pipeline on the given pattern files and templates, with
/// the EventBridge and Access Analyzer rules (and the parsing rules) only.
/// </summary>
public static class EventsLintCommand
{
    public static Command Create(CliOutput io)
    {
        var files = new Argument<string[]>("FILE") { Description = "Pattern files and templates to lint.", Arity = ArgumentArity.OneOrMore };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: ./policygate.yaml when present).", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "Report format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(ReportWriters.Formats);
        var failOn = new Option<string?>("--fail-on") { Description = "Lowest finding level that fails the run (exit code 1): error, warning, note or never. Default: error." };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "never");
        var command = new Command("lint", "Lint EventBridge patterns, rules and Access Analyzer analyzers in pattern files and templates.")
        {
            files, config, format, failOn,
        };
        command.SetAction(parse => Run(io, parse.GetValue(files) ?? [], parse.GetValue(config), parse.GetValue(format)!, parse.GetValue(failOn)));
        return command;
    }

    private static int Run(CliOutput io, string[] files, string? configPath, string format, string? failOn)
    {
        var config = ScanCommand.LoadConfig(io, configPath);
        if (config is null)
        {
            return ExitCodes.UsageError;
        }

        var catalog = RuleCatalog.Create(RuleCatalog.BuiltIn.Rules.Where(r => r.Descriptor.Area is RuleArea.EventBridge or RuleArea.Parsing));
        var outcome = ScanPipeline.Default.Run(new ScanRequest { Paths = files, WorkingDirectory = io.WorkingDirectory, Config = config, Catalog = catalog });
        if (outcome.Report is not { } report)
        {
            foreach (var missing in outcome.MissingPaths)
            {
                io.Error.WriteLine($"policygate: {missing}: no such file or directory");
            }

            return ExitCodes.UsageError;
        }

        io.Out.Flush();
        using (var stdout = io.OpenStandardOutput())
        {
            ReportWriters.For(format).Write(report, stdout);
        }

        if (format != "text")
        {
            io.Error.WriteLine(report.SummaryLine());
        }

        return ExitCodes.ForScan(report, failOn ?? config.FailOn ?? "error");
    }
}
