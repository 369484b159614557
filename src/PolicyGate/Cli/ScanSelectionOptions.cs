using System.CommandLine;
using PolicyGate.AccessAnalyzer;
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

    /// <summary>Which engine answers the custom policy checks (<c>--engine</c> and the AWS options).</summary>
    public EngineOptions Engine { get; } = EngineOptions.Create();

    /// <summary>Adds every selection option to a command.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Config);
        command.Options.Add(ChangedSince);
        command.Options.Add(IncludeReferencing);
        command.Options.Add(IgnoreFinding);
        CloudFormation.AddTo(command);
        Engine.AddTo(command);
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

        // The engine is chosen before anything is scanned: --engine aws without credentials stops here (exit 3).
        EngineSelection engine;
        try
        {
            engine = EngineOptions.SelectAsync(Engine.Read(parse), config.Aws, io.Environment, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (CheckFailures.TryReport(ex, io.Error, out var code))
        {
            return (null, code);
        }

        return (new ScanRequest
        {
            Paths = parse.GetValue(Paths) ?? [],
            WorkingDirectory = io.WorkingDirectory,
            Config = config,
            Changes = changes,
            IncludeReferencing = parse.GetValue(IncludeReferencing) || changes is not null,
            Engine = engine.Engine,
            EngineSelection = engine,

            // Files are checked on the cores; with Access Analyzer, enough of them at once to keep its calls in flight.
            Parallelism = engine.AwsStatistics is null ? Environment.ProcessorCount : Math.Max(Environment.ProcessorCount, config.Aws.MaxConcurrency),
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
            // Which engine answered, and why (auto says what it chose), and what the AWS calls cost: on standard
            // error, since they depend on the machine and the cache, not on the input.
            if (request.EngineSelection is { } selection && (selection.AwsStatistics is not null || selection.Reason.StartsWith("engine auto", StringComparison.Ordinal)))
            {
                io.Error.WriteLine($"policygate: {selection.Reason}");
                if (selection.AwsStatistics is { } calls)
                {
                    io.Error.WriteLine($"policygate: {calls.ToSummaryText()}");
                }
            }

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
