using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class CreateSlrStarInResourceAndNotActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2130",
        "CreateSlrStarInResourceAndNotAction",
        ValidationFindingType.Warning,
        "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOTACTION",
        "An Allow statement grants NotAction (which includes iam:CreateServiceLinkedRole) with wildcards (*) in the resource.",
        "Granting NotAction (which includes iam:CreateServiceLinkedRole) with wildcards (*) in the resource lets the principal create service-linked roles for services it was not meant to enable. Name the exact role ARNs in Resource instead.",
        "List the role ARNs the principal may use in Resource, and keep iam:CreateServiceLinkedRole in its own statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.SensitiveGrant(context, "iam:CreateServiceLinkedRole", SensitiveActionGrant.StarInResourceAndNotAction, "NotAction (which includes iam:CreateServiceLinkedRole) with wildcards (*) in the resource", "lets the principal create service-linked roles for services it was not meant to enable");
    }
}
