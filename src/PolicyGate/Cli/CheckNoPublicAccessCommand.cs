using System.CommandLine;
using PolicyGate.AccessAnalyzer;
using PolicyGate.Pipeline;

namespace PolicyGate.Cli;

/// <summary>
/// <c>policygate check-no-public-access --policy FILE --resource-type T</c>: does this resource policy make the
/// resource public? Exit 0 PASS, 1 FAIL (could not prove included), 2 usage or input error, 3 the engine could not answer.
/// </summary>
public static class CheckNoPublicAccessCommand
{
    public static Command Create(CliOutput io)
    {
        var policy = new Option<string>("--policy") { Description = "The resource policy (JSON or YAML).", HelpName = "FILE", Required = true };
        var resourceType = new Option<string>("--resource-type")
        {
            Description = $"The type of the resource the policy is attached to, for example AWS::S3::Bucket, AWS::KMS::Key, AWS::SQS::Queue or AWS::IAM::AssumeRolePolicyDocument (a role trust policy). Supported: {SupportedList()}.",
            HelpName = "TYPE",
            Required = true,
        };
        var shared = new SingleCheckOptions();
        var command = new Command("check-no-public-access", "Access Analyzer's CheckNoPublicAccess: prove that a resource policy does not grant access to anyone outside your control; a FAIL shows an anonymous request that gets in.")
        {
            policy, resourceType,
        };
        shared.AddTo(command);
        command.SetAction(parse => Run(io, shared.Read(parse), parse.GetValue(policy)!, parse.GetValue(resourceType)!));
        return command;
    }

    private static int Run(CliOutput io, SingleCheckArguments arguments, string policyPath, string resourceTypeText)
    {
        var resourceType = AccessAnalyzerLimits.PublicAccessResourceTypes.FirstOrDefault(t => t.Equals(resourceTypeText.Trim(), StringComparison.OrdinalIgnoreCase));
        if (resourceType is null)
        {
            io.Error.WriteLine($"policygate: --resource-type {resourceTypeText}: CheckNoPublicAccess does not support this resource type; supported: {SupportedList()}");
            return ExitCodes.UsageError;
        }

        if (SingleCheckRun.LoadConfig(io, arguments) is not { } config
            || PolicyInputFile.Load(io, "--policy", policyPath, config.MaxFileBytes) is not { } file)
        {
            return ExitCodes.UsageError;
        }

        return SingleCheckRun.Execute(io, arguments, config, file, CheckPolicyType.Resource, async (session, cancellationToken) =>
            new SingleCheckAnswer(await session.Engine.CheckNoPublicAccessAsync(new CheckNoPublicAccessRequest(file.Input, resourceType), cancellationToken).ConfigureAwait(false)));
    }

    private static string SupportedList() => string.Join(", ", AccessAnalyzerLimits.PublicAccessResourceTypes.Order(StringComparer.Ordinal));
}
