using System.CommandLine;

namespace PolicyGate.Cli;

/// <summary>What a single-check command was asked for, besides its policies: output format, configuration file, engine.</summary>
public sealed record SingleCheckArguments(string Format, string? ConfigPath, EngineRequest Engine);

/// <summary>The options every single-check command takes: <c>--format text|json</c>, <c>--config</c> and the engine options.</summary>
internal sealed class SingleCheckOptions
{
    public SingleCheckOptions() => Format.AcceptOnlyFromAmong("text", "json");

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Output format: text, or json (Access Analyzer's response shape plus PolicyGate's explanation, counterexample and location per reason).",
        DefaultValueFactory = _ => "text",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Configuration file (default: ./policygate.yaml when present); its aws: section sets the AWS engine's defaults.",
        HelpName = "FILE",
    };

    public EngineOptions Engine { get; } = EngineOptions.Create();

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Config);
        Engine.AddTo(command);
    }

    public SingleCheckArguments Read(ParseResult parse) => new(parse.GetValue(Format)!, parse.GetValue(Config), Engine.Read(parse));
}
