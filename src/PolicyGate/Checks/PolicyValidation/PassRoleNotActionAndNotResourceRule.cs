using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PassRoleNotActionAndNotResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2125",
        "PassRoleNotActionAndNotResource",
        ValidationFindingType.SecurityWarning,
        "PASS_ROLE_WITH_NOTACTION_AND_NOTRESOURCE",
        "An Allow statement grants NotAction (which includes iam:PassRole) with NotResource.",
        "Granting NotAction (which includes iam:PassRole) with NotResource lets the principal hand any role, including privileged ones, to a service it controls (a privilege escalation path). Name the exact role ARNs in Resource instead.",
        "List the role ARNs the principal may use in Resource, and keep iam:PassRole in its own statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:iam::111122223333:role/app-task-role"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:aws:iam::111122223333:role/app-task-role"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SensitiveGrant(context, "iam:PassRole", SensitiveActionGrant.NotActionAndNotResource, "NotAction (which includes iam:PassRole) with NotResource", "lets the principal hand any role, including privileged ones, to a service it controls (a privilege escalation path)");
    }
}
