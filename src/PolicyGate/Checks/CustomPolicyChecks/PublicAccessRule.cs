using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>CheckNoPublicAccess of every resource and trust policy whose resource type Access Analyzer supports (on unless checks.no-public-access is false).</summary>
public sealed class PublicAccessRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG3003",
        "PublicAccess",
        RuleArea.CustomPolicyChecks,
        FindingLevel.Error,
        "A resource policy makes the resource public.",
        "The resource or trust policy lets callers outside any account you control in: anonymous callers, any AWS account, or principals limited only by conditions that do not restrict who the caller is (Access Analyzer's CheckNoPublicAccess). Conditions on the caller's organization, account, VPC, source IP, source ARN or account make a grant non-public. The message gives the caller and request that get in.",
        new RuleHelp(
            "Name the principals, or add a condition that restricts the caller (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceArn, ...).",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}""",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"""))
    {
        SecuritySeverity = "9.0",
        Tags = ["security", "iam", "custom-check"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        if (!context.Config.Checks.NoPublicAccess || subject.Kind is not (PolicyKind.Resource or PolicyKind.Trust)
            || PublicAccessResourceType.Of(subject, context.PolicyModel(subject)) is not { } resourceType)
        {
            return;
        }

        var policy = CheckedPolicy.Of(subject, context);
        var request = new CheckNoPublicAccessRequest(policy.Input, resourceType);
        PolicyCheckRun.Run(
            context,
            Rule,
            policy,
            $"CheckNoPublicAccess ({resourceType})",
            engine => engine.CheckNoPublicAccessAsync(request, CancellationToken.None),
            reason => PolicyCheckRun.Words(reason, "the existing policy"));
    }
}
