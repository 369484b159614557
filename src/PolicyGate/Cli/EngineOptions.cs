using System.CommandLine;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Config;
using PolicyGate.Reasoning;

namespace PolicyGate.Cli;

/// <summary>What the command line asked of the engine: which one, and the AWS settings it overrides.</summary>
public sealed record EngineRequest(EngineChoice Choice, AwsCommandLineOptions CommandLine);

/// <summary>
/// The engine options every command that runs policy checks takes: <c>--engine local|aws|auto</c>,
/// <c>--region</c>, <c>--profile</c>, <c>--endpoint-url</c>, <c>--no-cache</c>, <c>--max-aws-calls N</c>.
/// <see cref="Read"/> turns them into an <see cref="EngineRequest"/>; <see cref="SelectAsync"/> merges that with
/// the configuration's <c>aws</c> section and builds the engine. A bad <c>--engine</c> value or a negative budget
/// is a parse error (exit 2); selection throws like <see cref="PolicyCheckEngineFactory"/> (see <see cref="CheckFailures"/>).
/// </summary>
public sealed class EngineOptions
{
    private EngineOptions()
    {
        Engine.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !EngineChoices.TryParse(result.Tokens[^1].Value, out _))
            {
                result.AddError($"--engine {result.Tokens[^1].Value}: use local, aws or auto");
            }
        });
        MaxAwsCalls.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, out var calls) && calls < 0)
            {
                result.AddError($"--max-aws-calls {result.Tokens[^1].Value}: give a number of calls, 0 or more");
            }
        });
    }

    public Option<string> Engine { get; } = new("--engine")
    {
        Description = "Which engine answers the checks: local (offline, the default), aws (IAM Access Analyzer; needs AWS credentials) or auto (aws when credentials resolve, local otherwise; the output says which).",
        HelpName = "local|aws|auto",
        DefaultValueFactory = _ => "local",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS region for Access Analyzer (default: the configuration, AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1).",
        HelpName = "REGION",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "AWS profile from the shared config and credentials files (default: the SDK's default credential chain).",
        HelpName = "NAME",
    };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "Send AWS calls to this endpoint instead of the standard one (a VPC endpoint; https, or http on a loopback address).",
        HelpName = "URL",
    };

    public Option<bool> NoCache { get; } = new("--no-cache")
    {
        Description = "Do not read or write the cache of Access Analyzer answers.",
    };

    public Option<int?> MaxAwsCalls { get; } = new("--max-aws-calls")
    {
        Description = "The most AWS calls this run may send (custom policy checks are billed per call); once used up, checks fail with exit code 3.",
        HelpName = "N",
    };

    /// <summary>A fresh set of options (System.CommandLine options belong to one command each).</summary>
    public static EngineOptions Create() => new();

    public IEnumerable<Option> All => [Engine, Region, Profile, EndpointUrl, NoCache, MaxAwsCalls];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request the parsed command line makes (values were validated while parsing).</summary>
    public EngineRequest Read(ParseResult parse)
    {
        EngineChoices.TryParse(parse.GetValue(Engine), out var choice);
        return new EngineRequest(choice, new AwsCommandLineOptions
        {
            Region = Blank(parse.GetValue(Region)),
            Profile = Blank(parse.GetValue(Profile)),
            EndpointUrl = Blank(parse.GetValue(EndpointUrl)),
            NoCache = parse.GetValue(NoCache),
            MaxAwsCalls = parse.GetValue(MaxAwsCalls),
        });
    }

    /// <summary>
    /// Builds the engine the request asks for, the command line overriding the configuration. Throws
    /// <see cref="PolicyCheckUnavailableException"/> when <c>aws</c> finds no credentials and
    /// <see cref="ArgumentException"/> for a malformed region or endpoint.
    /// </summary>
    public static Task<EngineSelection> SelectAsync(EngineRequest request, AwsSettings settings, CancellationToken cancellationToken) =>
        SelectAsync(request, settings, Environment.GetEnvironmentVariable, cancellationToken);

    /// <inheritdoc cref="SelectAsync(EngineRequest, AwsSettings, CancellationToken)"/>
    /// <param name="environment">Reads environment variables (region, endpoint overrides, cache directory).</param>
    public static Task<EngineSelection> SelectAsync(EngineRequest request, AwsSettings settings, Func<string, string?> environment, CancellationToken cancellationToken) =>
        new PolicyCheckEngineFactory(() => new LocalPolicyCheckEngine(), environment)
            .CreateAsync(request.Choice, AwsEngineOptions.From(settings, request.CommandLine), cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
