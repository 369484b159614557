using System.CommandLine;
using PolicyGate.Pipeline;

namespace PolicyGate.Cli;

/// <summary>The command tree. Parse errors exit with 2; an unexpected exception exits with 3.</summary>
public static class PolicyGateCli
{
    public static int Run(string[] args, CliOutput io)
    {
        if (args is ["--version"])
        {
            // Fast path: no command tree is built just to print the version.
            io.Out.WriteLine(VersionText());
            return ExitCodes.Success;
        }

        var root = new RootCommand("PolicyGate: a policy-as-code gate for AWS repositories. Checks IAM policies, CloudFormation templates and EventBridge patterns offline and reports SARIF, JSON or text.");
        foreach (var command in CommandsFor(args, io))
        {
            root.Subcommands.Add(command);
        }

        foreach (var option in root.Options.OfType<VersionOption>().ToList())
        {
            root.Options.Remove(option);
        }

        var version = new Option<bool>("--version") { Description = "Show version information." };
        root.Options.Add(version);
        root.SetAction(parse =>
        {
            if (parse.GetValue(version))
            {
                io.Out.WriteLine(VersionText());
                return ExitCodes.Success;
            }

            io.Error.WriteLine($"policygate: a command is required ({string.Join(", ", root.Subcommands.Select(c => c.Name))}). Run 'policygate --help'.");
            return ExitCodes.UsageError;
        });

        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                io.Error.WriteLine($"policygate: {error.Message}");
            }

            io.Error.WriteLine("Run 'policygate --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parsed.Invoke(configuration);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            io.Error.WriteLine($"policygate: internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.ToolFailure;
        }
    }

    /// <summary>Every command, in the order help lists them.</summary>
    private static readonly (string Name, Func<CliOutput, Command> Create)[] Commands =
    [
        ("scan", ScanCommand.Create),
        ("rules", RulesCommand.Create),
        ("parse", ParseCommand.Create),
        ("baseline", BaselineCommand.Create),
        ("validate-policy", ValidatePolicyCommand.Create),
        ("check-no-new-access", CheckNoNewAccessCommand.Create),
        ("check-access-not-granted", CheckAccessNotGrantedCommand.Create),
        ("check-no-public-access", CheckNoPublicAccessCommand.Create),
        ("events", EventsCommand.Create),
    ];

    /// <summary>
    /// Only the command named first on the command line is built (startup time matters in pre-commit hooks);
    /// help, errors and anything else get the whole tree.
    /// </summary>
    private static IEnumerable<Command> CommandsFor(string[] args, CliOutput io)
    {
        var named = args.Length > 0 ? Array.FindIndex(Commands, c => c.Name == args[0]) : -1;
        return named >= 0 ? [Commands[named].Create(io)] : Commands.Select(c => c.Create(io));
    }

    public static string VersionText() =>
        $"policygate {ToolInfo.Current.Version} (IAM catalog: {Iam.Catalog.IamCatalogVersion.Package} {Iam.Catalog.IamCatalogVersion.PackageVersion}, data of {Iam.Catalog.IamCatalogVersion.DataDate})";
}
