using System.CommandLine;
using PolicyGate.Discovery;
using PolicyGate.Pipeline;

namespace PolicyGate.Cli;

/// <summary>
/// The options that choose what a scan looks at, shared by <c>scan</c> and <c>baseline</c>: paths, configuration,
/// <c>--changed-since</c>, <c>--include-referencing</c>, <c>--ignore-finding</c> and the CloudFormation values.
/// </summary>
internal sealed class ScanSelectionOptions
{
    public Argument<string[]> Paths { get; } = new("PATH") { Description = "Files or directories to scan (default: the current directory).", Arity = ArgumentArity.ZeroOrMore };

    public Option<string?> Config { get; } = new("--config") { Description = "Configuration file (default: ./policygate.yaml when present).", HelpName = "FILE" };

    public Option<string?> ChangedSince { get; } = new("--changed-since") { Description = "Only scan files changed since this git ref (merge-base semantics, as a pull request's diff), and the files that reference them.", HelpName = "REF" };

    public Option<bool> IncludeReferencing { get; } = new("--include-referencing") { Description = "Also scan the templates and configuration files that reference a scanned file by relative path (nested stacks, AWS::Include, rule tests). The pre-commit hook uses this." };

    public CloudFormationOptions CloudFormation { get; } = new();

    public Option<string[]> IgnoreFinding { get; } = IgnoreFindingOption.Create();

    /// <summary>Adds every selection option to a command.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Config);
        command.Options.Add(ChangedSince);
        command.Options.Add(IncludeReferencing);
        command.Options.Add(IgnoreFinding);
        CloudFormation.AddTo(command);
    }

    /// <summary>The request, or the exit code after reporting why there is none.</summary>
    public (ScanRequest? Request, int? ExitCode) Resolve(ParseResult parse, CliOutput io)
    {
        var config = ScanCommand.LoadConfig(io, parse.GetValue(Config)) is { } loaded ? CloudFormation.Apply(parse, loaded, io) : null;
        if (config is not null)
        {
            config = IgnoreFindingOption.Apply(config, parse.GetValue(IgnoreFinding) ?? [], Checks.RuleCatalog.BuiltIn, io.Error);
        }

        if (config is null)
        {
            return (null, ExitCodes.UsageError);
        }

        GitChanges? changes = null;
        if (parse.GetValue(ChangedSince) is { } reference)
        {
            try
            {
                changes = GitChanges.Since(io.WorkingDirectory, reference);
            }
            catch (GitReferenceException ex)
            {
                io.Error.WriteLine($"policygate: {ex.Message}");
                return (null, ExitCodes.UsageError);
            }
        }

        return (new ScanRequest
        {
            Paths = parse.GetValue(Paths) ?? [],
            WorkingDirectory = io.WorkingDirectory,
            Config = config,
            Changes = changes,
            IncludeReferencing = parse.GetValue(IncludeReferencing) || changes is not null,
        }, null);
    }

    /// <summary>Runs the pipeline; null after reporting missing paths (a usage error).</summary>
    public static ScanReport? Run(CliOutput io, ScanRequest request)
    {
        var progress = io.ErrorIsTerminal ? new ProgressLine(io.Error) : null;
        var outcome = ScanPipeline.Default.Run(request with { Progress = progress is null ? null : progress.Report });
        progress?.Clear();
        if (outcome.Report is { } report)
        {
            return report;
        }

        foreach (var missing in outcome.MissingPaths)
        {
            io.Error.WriteLine(missing.StartsWith('-')
                ? $"policygate: unknown option {missing} (to scan a path starting with '-', put it after --)"
                : $"policygate: {missing}: no such file or directory");
        }

        return null;
    }
}
