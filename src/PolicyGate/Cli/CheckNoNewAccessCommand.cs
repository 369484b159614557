using System.CommandLine;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Pipeline;

namespace PolicyGate.Cli;

/// <summary>
/// <c>policygate check-no-new-access --new-policy FILE (--existing-policy FILE | --existing-policy-arn ARN) --policy-type T</c>:
/// does the new policy grant anything the existing one does not? The existing policy may be read from IAM
/// (a managed policy's default version, a role's trust policy, an inline policy of a role, user or group).
/// Exit 0 PASS, 1 FAIL (could not prove included), 2 usage or input error, 3 the engine or IAM could not answer.
/// </summary>
public static class CheckNoNewAccessCommand
{
    public static Command Create(CliOutput io)
    {
        var newPolicy = new Option<string>("--new-policy") { Description = "The changed policy (JSON or YAML).", HelpName = "FILE", Required = true };
        var existingPolicy = new Option<string?>("--existing-policy") { Description = "The reference policy it must not grant more than (JSON or YAML).", HelpName = "FILE" };
        var existingArn = new Option<string?>("--existing-policy-arn")
        {
            Description = "Instead of --existing-policy: the deployed policy to compare with, read from IAM. A managed policy ARN (its default version), or a role, user or group ARN with --existing-inline-policy, or a role ARN with --existing-trust-policy. Needs AWS credentials (iam:GetPolicy, iam:GetPolicyVersion, iam:GetRole, iam:Get*Policy) even with --engine local; exit code 3 when they do not resolve.",
            HelpName = "ARN",
        };
        var inlinePolicy = new Option<string?>("--existing-inline-policy", "--existing-role-policy")
        {
            Description = "With --existing-policy-arn naming a role, user or group: the name of its inline policy to compare with.",
            HelpName = "NAME",
        };
        var trustPolicy = new Option<bool>("--existing-trust-policy") { Description = "With --existing-policy-arn naming a role: compare with the role's trust policy (use --policy-type resource)." };
        var guardrail = GuardrailOptions.Create("Instead of --existing-policy: a built-in reference policy (docs/guardrails.md), for example identity-baseline or trust-allow-listed; it brings its policy type.");
        var policyType = new Option<string?>("--policy-type") { Description = "identity or resource (trust counts as resource; IDENTITY_POLICY and RESOURCE_POLICY are accepted too). For resource policies principals are compared too. Required unless --guardrail gives it.", HelpName = "TYPE" };
        var shared = new SingleCheckOptions();
        var command = new Command("check-no-new-access", "Access Analyzer's CheckNoNewAccess: prove that a changed policy grants nothing the existing policy does not; a FAIL shows a request the new policy allows and the existing one does not.")
        {
            newPolicy, existingPolicy, existingArn, inlinePolicy, trustPolicy, guardrail, policyType,
        };
        shared.AddTo(command);
        command.SetAction(parse => Run(
            io,
            shared.Read(parse),
            parse.GetValue(newPolicy)!,
            parse.GetValue(policyType),
            new ExistingPolicyArguments(parse.GetValue(existingPolicy), parse.GetValue(existingArn), parse.GetValue(inlinePolicy), parse.GetValue(trustPolicy), parse.GetValue(guardrail))));
        return command;
    }

    private static int Run(CliOutput io, SingleCheckArguments arguments, string newPath, string? typeText, ExistingPolicyArguments existing)
    {
        if (GuardrailOptions.PolicyType(io, typeText, existing.GuardrailName, Checks.Guardrails.GuardrailCheck.NoNewAccess) is not { } type)
        {
            return ExitCodes.UsageError;
        }

        if (existing.Problem(type) is { } problem)
        {
            io.Error.WriteLine($"policygate: {problem}");
            return ExitCodes.UsageError;
        }

        if (SingleCheckRun.LoadConfig(io, arguments) is not { } config
            || PolicyInputFile.Load(io, "--new-policy", newPath, config.MaxFileBytes) is not { } newFile)
        {
            return ExitCodes.UsageError;
        }

        PolicyInputFile? existingFile = null;
        if (existing.File is { } existingPath && (existingFile = PolicyInputFile.Load(io, "--existing-policy", existingPath, config.MaxFileBytes)) is null)
        {
            return ExitCodes.UsageError;
        }

        return SingleCheckRun.Execute(io, arguments, config, newFile, type, async (session, cancellationToken) =>
        {
            if (existingFile is not null)
            {
                return new SingleCheckAnswer(await session.Engine.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(newFile.Input, existingFile.Input, type), cancellationToken).ConfigureAwait(false));
            }

            if (existing.Guardrail is { } builtIn)
            {
                return new SingleCheckAnswer(await session.Engine.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(newFile.Input, new PolicyDocumentInput(builtIn.ReferencePolicyJson!), type), cancellationToken).ConfigureAwait(false));
            }

            var reference = existing.Reference!;
            AwsPolicyCheckEngine iam;
            try
            {
                iam = await session.AwsEngineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PolicyCheckUnavailableException ex)
            {
                throw new PolicyCheckUnavailableException($"--existing-policy-arn needs AWS credentials to read {reference.Describe()} from IAM: {ex.Message}", ex);
            }

            var deployed = await new DeployedPolicySource(iam.Iam).FetchAsync(reference, cancellationToken).ConfigureAwait(false);
            var result = await session.Engine.CheckNoNewAccessAsync(new CheckNoNewAccessRequest(newFile.Input, new PolicyDocumentInput(deployed.Document), type), cancellationToken).ConfigureAwait(false);
            return new SingleCheckAnswer(result, deployed.Origin);
        });
    }
}
