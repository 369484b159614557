using System.Collections.Immutable;
using System.CommandLine;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Pipeline;

namespace PolicyGate.Cli;

/// <summary>
/// <c>policygate check-access-not-granted --policy FILE --actions A[,A...] [--resources R[,R...]] --policy-type T</c>:
/// does the policy grant any of these actions (on any of these resources)? Exit 0 PASS, 1 FAIL (could not
/// prove included), 2 usage or input error, 3 the engine could not answer.
/// </summary>
public static class CheckAccessNotGrantedCommand
{
    public static Command Create(CliOutput io)
    {
        var policy = new Option<string>("--policy") { Description = "The policy (JSON or YAML).", HelpName = "FILE", Required = true };
        var actions = new Option<string[]>("--actions")
        {
            Description = "Actions the policy must not grant, comma-separated or repeated; wildcards allowed (iam:*, s3:Delete*).",
            HelpName = "A[,A...]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var resources = new Option<string[]>("--resources")
        {
            Description = "Resource ARNs the access must not reach, comma-separated or repeated; without it, any resource. At least one action or resource is needed.",
            HelpName = "R[,R...]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var guardrail = GuardrailOptions.Create("Instead of --actions and --resources: a built-in action list (docs/guardrails.md), for example no-privilege-escalation; it brings its policy type.");
        var policyType = new Option<string?>("--policy-type") { Description = "identity or resource (trust counts as resource; IDENTITY_POLICY and RESOURCE_POLICY are accepted too). Required unless --guardrail gives it.", HelpName = "TYPE" };
        var shared = new SingleCheckOptions();
        var command = new Command("check-access-not-granted", "Access Analyzer's CheckAccessNotGranted: prove that a policy grants none of the listed actions (on the listed resources); a FAIL shows a request the policy allows.")
        {
            policy, actions, resources, guardrail, policyType,
        };
        shared.AddTo(command);
        command.SetAction(parse => Run(io, shared.Read(parse), parse.GetValue(policy)!, parse.GetValue(actions) ?? [], parse.GetValue(resources) ?? [], parse.GetValue(policyType), parse.GetValue(guardrail)));
        return command;
    }

    private static int Run(CliOutput io, SingleCheckArguments arguments, string policyPath, string[] actionTexts, string[] resourceTexts, string? typeText, string? guardrailName)
    {
        var actions = Split(actionTexts);
        var resources = Split(resourceTexts);
        if (GuardrailOptions.PolicyType(io, typeText, guardrailName, Checks.Guardrails.GuardrailCheck.AccessNotGranted) is not { } type)
        {
            return ExitCodes.UsageError;
        }

        if (guardrailName is not null)
        {
            if (!actions.IsEmpty || !resources.IsEmpty)
            {
                io.Error.WriteLine("policygate: give --guardrail or --actions/--resources, not both");
                return ExitCodes.UsageError;
            }

            var guardrail = Checks.Guardrails.GuardrailCatalog.BuiltIn.Find(guardrailName)!;
            (actions, resources) = (guardrail.Actions, guardrail.Resources);
        }

        if (actions.IsEmpty && resources.IsEmpty)
        {
            io.Error.WriteLine("policygate: check-access-not-granted needs at least one action (--actions) or one resource (--resources), or --guardrail");
            return ExitCodes.UsageError;
        }

        if (SingleCheckRun.LoadConfig(io, arguments) is not { } config
            || PolicyInputFile.Load(io, "--policy", policyPath, config.MaxFileBytes) is not { } file)
        {
            return ExitCodes.UsageError;
        }

        return SingleCheckRun.Execute(io, arguments, config, file, type, async (session, cancellationToken) =>
            new SingleCheckAnswer(await session.Engine.CheckAccessNotGrantedAsync(new CheckAccessNotGrantedRequest(file.Input, actions, resources, type), cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>Every value of a repeatable, comma-separated option, trimmed, blanks and repeats dropped, in the order given.</summary>
    private static ImmutableArray<string> Split(string[] values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}
