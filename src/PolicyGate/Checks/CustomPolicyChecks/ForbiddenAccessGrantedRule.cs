using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>CheckAccessNotGranted of every covered policy against each configured action list (checks.access-not-granted).</summary>
public sealed class ForbiddenAccessGrantedRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG3002",
        "ForbiddenAccessGranted",
        RuleArea.CustomPolicyChecks,
        FindingLevel.Error,
        "A policy grants an action the configuration forbids.",
        "The policy allows one of the actions listed under checks.access-not-granted in policygate.yaml (directly, through a wildcard or NotAction), on the listed resources when some are given: Access Analyzer's CheckAccessNotGranted. The message names the action, the resource and the request that proves it.",
        new RuleHelp(
            "Remove the action from the statement, or narrow the wildcard that includes it.",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "*"}]}"""))
    {
        SecuritySeverity = "8.0",
        Tags = ["security", "iam", "custom-check"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        var checks = context.Config.Checks.AccessNotGranted;
        if (checks.IsEmpty)
        {
            return;
        }

        var policy = CheckedPolicy.Of(subject, context);
        if (policy.Type is not { } type)
        {
            return;
        }

        foreach (var check in checks.Where(c => c.Scope.Covers(subject, type)))
        {
            var request = new CheckAccessNotGrantedRequest(policy.Input, check.Actions, check.Resources, type);
            PolicyCheckRun.Run(
                context,
                Rule,
                policy,
                $"CheckAccessNotGranted \"{check.Name}\"",
                engine => engine.CheckAccessNotGrantedAsync(request, CancellationToken.None),
                reason => $"{PolicyCheckRun.Words(reason, "the existing policy")} [forbidden by \"{check.Name}\"]");
        }
    }
}
