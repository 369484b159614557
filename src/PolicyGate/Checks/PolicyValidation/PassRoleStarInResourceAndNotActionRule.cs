using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PassRoleStarInResourceAndNotActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2124",
        "PassRoleStarInResourceAndNotAction",
        ValidationFindingType.SecurityWarning,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOTACTION",
        "An Allow statement grants NotAction (which includes iam:PassRole) with wildcards (*) in the resource.",
        "Granting NotAction (which includes iam:PassRole) with wildcards (*) in the resource lets the principal hand any role, including privileged ones, to a service it controls (a privilege escalation path). Name the exact role ARNs in Resource instead.",
        "List the role ARNs the principal may use in Resource, and keep iam:PassRole in its own statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:aws:iam::111122223333:role/app-task-role"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SensitiveGrant(context, "iam:PassRole", SensitiveActionGrant.StarInResourceAndNotAction, "NotAction (which includes iam:PassRole) with wildcards (*) in the resource", "lets the principal hand any role, including privileged ones, to a service it controls (a privilege escalation path)");
    }
}
