using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PassRoleNotResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2121",
        "PassRoleNotResource",
        ValidationFindingType.SecurityWarning,
        "PASS_ROLE_WITH_NOTRESOURCE",
        "An Allow statement grants the iam:PassRole action with NotResource.",
        "Granting the iam:PassRole action with NotResource lets the principal hand any role, including privileged ones, to a service it controls (a privilege escalation path). Name the exact role ARNs in Resource instead.",
        "List the role ARNs the principal may use in Resource, and keep iam:PassRole in its own statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/app-task-role"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-task-role"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SensitiveGrant(context, "iam:PassRole", SensitiveActionGrant.NotResource, "the iam:PassRole action with NotResource", "lets the principal hand any role, including privileged ones, to a service it controls (a privilege escalation path)");
    }
}
