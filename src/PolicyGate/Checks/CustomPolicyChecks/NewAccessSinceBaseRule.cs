using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>
/// With <c>--changed-since REF</c>: CheckNoNewAccess of every policy in a changed file against its own version
/// at REF (matched by logical id and property path), so a review sees exactly what a change adds.
/// </summary>
public sealed class NewAccessSinceBaseRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG3004",
        "NewAccessSinceBase",
        RuleArea.CustomPolicyChecks,
        FindingLevel.Warning,
        "A changed policy grants access its version at the base did not.",
        "With --changed-since REF, each policy in a changed file is compared with the same policy (same file, logical id and property path) at REF, as Access Analyzer's CheckNoNewAccess would compare them. The finding points at the statement that adds access and gives a request that is allowed now and was not before. A warning by default: new access is often intended, and a reviewer should see it.",
        new RuleHelp(
            "Confirm the new access is intended; if not, narrow the statement. Raise this rule to error in policygate.yaml to make every widening block.",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject"], "Resource": "arn:aws:s3:::prod-data/*"}]}""",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::prod-data/*"}]}"""))
    {
        SecuritySeverity = "5.0",
        Tags = ["security", "iam", "custom-check", "changed-since"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        if (context.BasePolicies?.Find(subject.Owner) is not { } before)
        {
            return;
        }

        var policy = CheckedPolicy.Of(subject, context);
        if (policy.Type is not { } type)
        {
            return;
        }

        var reference = context.BasePolicies.Reference;
        var request = new CheckNoNewAccessRequest(policy.Input, new PolicyDocumentInput(Documents.JsonText.Compact(before.Document), before.Document), type);
        PolicyCheckRun.Run(
            context,
            Rule,
            policy,
            $"CheckNoNewAccess against the version at {reference}",
            engine => engine.CheckNoNewAccessAsync(request, CancellationToken.None),
            reason => PolicyCheckRun.Words(reason, $"the version at {reference}"));
    }
}
