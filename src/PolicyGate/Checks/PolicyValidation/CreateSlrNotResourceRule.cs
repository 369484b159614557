using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class CreateSlrNotResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2127",
        "CreateSlrNotResource",
        ValidationFindingType.Warning,
        "CREATE_SLR_WITH_NOTRESOURCE",
        "An Allow statement grants the iam:CreateServiceLinkedRole action with NotResource.",
        "Granting the iam:CreateServiceLinkedRole action with NotResource lets the principal create service-linked roles for services it was not meant to enable. Name the exact role ARNs in Resource instead.",
        "List the role ARNs the principal may use in Resource, and keep iam:CreateServiceLinkedRole in its own statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "NotResource": "arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SensitiveGrant(context, "iam:CreateServiceLinkedRole", SensitiveActionGrant.NotResource, "the iam:CreateServiceLinkedRole action with NotResource", "lets the principal create service-linked roles for services it was not meant to enable");
    }
}
