using System.CommandLine;
using System.Text;
using PolicyGate.Checks;
using PolicyGate.Pipeline;
using PolicyGate.Reporting;

namespace PolicyGate.Cli;

/// <summary><c>policygate rules [--format markdown|json]</c>: every rule with its id, level and description.</summary>
public static class RulesCommand
{
    public static Command Create(CliOutput io)
    {
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var command = new Command("rules", "List every rule with its id, level and description (docs/rules.md is this output).") { format };
        command.SetAction(parse =>
        {
            var rules = RuleCatalog.BuiltIn.Descriptors;
            io.Out.Flush();
            using var stdout = io.OpenStandardOutput();
            if (parse.GetValue(format) == "json")
            {
                RuleDocumentation.Json(rules, stdout);
            }
            else
            {
                var bytes = new UTF8Encoding(false).GetBytes(RuleDocumentation.Markdown(rules));
                stdout.Write(bytes);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
