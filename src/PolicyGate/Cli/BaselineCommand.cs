using System.CommandLine;
using PolicyGate.Discovery;
using PolicyGate.Pipeline;
using PolicyGate.Reporting;

namespace PolicyGate.Cli;

/// <summary>
/// <c>policygate baseline [PATH...] [--output FILE]</c>: scans like <c>scan</c> and writes the open findings as
/// a SARIF baseline; later scans given that file (<c>--baseline</c>, or <c>baseline:</c> in policygate.yaml) block
/// only on findings that are not in it. Exits 0 once the file is written, whatever was found.
/// </summary>
public static class BaselineCommand
{
    public const string DefaultFileName = "policygate-baseline.sarif";

    public static Command Create(CliOutput io)
    {
        var selection = new ScanSelectionOptions();
        var output = new Option<string?>("--output", "-o") { Description = $"Where to write the baseline (default: the configuration's 'baseline' file, else ./{DefaultFileName}).", HelpName = "FILE" };
        var command = new Command("baseline", "Record the current findings as a baseline (SARIF) so that later scans report only new ones.")
        {
            output,
        };
        selection.AddTo(command);
        command.SetAction(parse =>
        {
            var setup = selection.Resolve(parse, io);
            if (setup.ExitCode is { } failed)
            {
                return failed;
            }

            if (ScanSelectionOptions.Run(io, setup.Request!) is not { } report)
            {
                return ExitCodes.UsageError;
            }

            var target = parse.GetValue(output) ?? setup.Request!.Config.Adoption.BaselinePath ?? DefaultFileName;
            if (!ReportFiles.TryWrite(io, target, stream => new SarifReportWriter().Write(report, stream)))
            {
                return ExitCodes.ToolFailure;
            }

            var shown = Path.IsPathRooted(target) ? RepositoryRoot.ReportPath(RepositoryRoot.ReportBase(io.WorkingDirectory), target) : target;
            var count = report.Open.Count();
            io.Error.WriteLine($"policygate: wrote the baseline {shown} with {count} finding{(count == 1 ? string.Empty : "s")}");
            return ExitCodes.ForScan(report, "never");
        });
        return command;
    }
}
