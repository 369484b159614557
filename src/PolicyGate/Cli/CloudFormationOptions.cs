using System.CommandLine;
using PolicyGate.Config;

namespace PolicyGate.Cli;

/// <summary>
/// The CloudFormation options shared by <c>scan</c> and <c>parse</c>: <c>--parameter KEY=VALUE</c>,
/// <c>--pseudo-parameter NAME=VALUE</c> (both repeatable) and <c>--template-configuration FILE</c>.
/// They apply over the configuration file's values.
/// </summary>
public sealed class CloudFormationOptions
{
    public Option<string[]> Parameter { get; } = new("--parameter")
    {
        Description = "CloudFormation parameter value for every template, KEY=VALUE (repeatable); wins over Default, configuration and template configuration files.",
        HelpName = "KEY=VALUE",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> PseudoParameter { get; } = new("--pseudo-parameter")
    {
        Description = "Pseudo parameter value, NAME=VALUE with NAME one of AccountId, Region, Partition, URLSuffix, StackName, StackId, NotificationARNs (repeatable).",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> TemplateConfiguration { get; } = new("--template-configuration")
    {
        Description = "Template configuration file for every template: {\"Parameters\": {...}}, [{\"ParameterKey\", \"ParameterValue\"}] or [\"KEY=VALUE\"].",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Parameter);
        command.Options.Add(PseudoParameter);
        command.Options.Add(TemplateConfiguration);
    }

    /// <summary>The configuration with the command line's values applied, or null after reporting a usage error.</summary>
    public PolicyGateConfig? Apply(ParseResult parse, PolicyGateConfig config, CliOutput io)
    {
        var settings = config.CloudFormation;
        var parameters = settings.CommandLineParameters;
        foreach (var text in parse.GetValue(Parameter) ?? [])
        {
            if (CloudFormationSettingsBinder.ParseAssignment(text) is not { } assignment)
            {
                io.Error.WriteLine($"policygate: --parameter {text}: expected KEY=VALUE");
                return null;
            }

            parameters = parameters.SetItem(assignment.Key, assignment.Value);
        }

        var pseudo = settings.PseudoParameters;
        foreach (var text in parse.GetValue(PseudoParameter) ?? [])
        {
            var assignment = CloudFormationSettingsBinder.ParseAssignment(text);
            var updated = assignment is { } a ? pseudo.With(a.Key, a.Value) : null;
            if (updated is null)
            {
                io.Error.WriteLine($"policygate: --pseudo-parameter {text}: expected NAME=VALUE with NAME one of {string.Join(", ", PseudoParameterSettings.Names)}");
                return null;
            }

            pseudo = updated;
        }

        settings = settings with { CommandLineParameters = parameters, PseudoParameters = pseudo };
        if (parse.GetValue(TemplateConfiguration) is { } file)
        {
            var loaded = TemplateConfigurationFile.Load(Path.GetFullPath(file, io.WorkingDirectory), file);
            if (loaded.Configuration is null)
            {
                foreach (var error in loaded.Errors)
                {
                    io.Error.WriteLine($"{error}");
                }

                io.Error.WriteLine($"policygate: the template configuration file {file} cannot be used");
                return null;
            }

            settings = settings with { CommandLineConfiguration = loaded.Configuration };
        }

        return config with { CloudFormation = settings };
    }
}
