using System.CommandLine;
using PolicyGate.Checks;
using PolicyGate.Config;

namespace PolicyGate.Cli;

/// <summary>
/// <c>--ignore-finding CODE|PGxxxx</c> (repeatable): turns rules off for the run, exactly like
/// <c>rules: {CODE: off}</c> in policygate.yaml (the same <see cref="RuleSettings"/> override).
/// </summary>
internal static class IgnoreFindingOption
{
    public static Option<string[]> Create() => new("--ignore-finding")
    {
        Description = "Turn a rule off by id (PG2044) or Access Analyzer issue code (INVALID_ACTION); repeatable, commas allowed.",
        HelpName = "CODE",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The configuration with the rules turned off, or null after reporting an unknown code (usage error).</summary>
    public static PolicyGateConfig? Apply(PolicyGateConfig config, IEnumerable<string> values, RuleCatalog catalog, TextWriter error)
    {
        var settings = config.Rules;
        foreach (var code in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (catalog.Find(code) is null)
            {
                error.WriteLine($"policygate: --ignore-finding {code}: no rule has this id or Access Analyzer issue code (see 'policygate rules')");
                return null;
            }

            settings = settings.With(code, null);
        }

        return config with { Rules = settings };
    }
}
