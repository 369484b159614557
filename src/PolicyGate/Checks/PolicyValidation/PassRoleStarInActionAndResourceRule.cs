using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PassRoleStarInActionAndResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2122",
        "PassRoleStarInActionAndResource",
        ValidationFindingType.SecurityWarning,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
        "An Allow statement grants a wildcard action that includes iam:PassRole, with wildcards (*) in the resource.",
        "Granting a wildcard action that includes iam:PassRole, with wildcards (*) in the resource lets the principal hand any role, including privileged ones, to a service it controls (a privilege escalation path). Name the exact role ARNs in Resource instead.",
        "List the role ARNs the principal may use in Resource, and keep iam:PassRole in its own statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::111122223333:role/app-task-role"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SensitiveGrant(context, "iam:PassRole", SensitiveActionGrant.StarInActionAndResource, "a wildcard action that includes iam:PassRole, with wildcards (*) in the resource", "lets the principal hand any role, including privileged ones, to a service it controls (a privilege escalation path)");
    }
}
