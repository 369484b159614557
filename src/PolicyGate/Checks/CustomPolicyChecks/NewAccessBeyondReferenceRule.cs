using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>CheckNoNewAccess of every covered policy against each configured reference (checks.no-new-access).</summary>
public sealed class NewAccessBeyondReferenceRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG3001",
        "NewAccessBeyondReference",
        RuleArea.CustomPolicyChecks,
        FindingLevel.Error,
        "A policy grants access its reference policy does not.",
        "The policy allows a request that the reference policy configured for it (checks.no-new-access in policygate.yaml, a file or a built-in guard-rail) does not allow: Access Analyzer's CheckNoNewAccess. The message gives a concrete request that proves it. When the engine cannot decide, the finding says \"could not prove\": nothing was proven safe.",
        new RuleHelp(
            "Narrow the statement to what the reference allows, or, when the new access is intended, widen the reference in review.",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::app-assets/*"}]}"""))
    {
        SecuritySeverity = "8.0",
        Tags = ["security", "iam", "custom-check"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        var checks = context.Config.Checks.NoNewAccess;
        if (checks.IsEmpty)
        {
            return;
        }

        var policy = CheckedPolicy.Of(subject, context);
        if (policy.Type is not { } type)
        {
            return;
        }

        foreach (var check in checks.Where(c => c.PolicyType == type && c.Scope.Covers(subject, type)))
        {
            var request = new CheckNoNewAccessRequest(policy.Input, new PolicyDocumentInput(check.ReferenceJson), type);
            PolicyCheckRun.Run(
                context,
                Rule,
                policy,
                $"CheckNoNewAccess against \"{check.Name}\"",
                engine => engine.CheckNoNewAccessAsync(request, CancellationToken.None),
                reason => PolicyCheckRun.Words(reason, $"the reference \"{check.Name}\""));
        }
    }
}
