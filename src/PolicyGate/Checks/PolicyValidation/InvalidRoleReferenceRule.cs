using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidRoleReferenceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2027",
        "InvalidRoleReference",
        ValidationFindingType.Warning,
        "INVALID_ROLE_REFERENCE",
        "A principal is a role's unique id instead of its ARN.",
        "AWS replaces a role ARN in a resource policy by the role's unique id (AROA...) when the role is deleted. A policy written with the id no longer refers to any role a reader can recognise, and a new role with the same name does not match it.",
        "Reference the role by its ARN, and recreate the grant if the role was deleted.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "AROA1234567890EXAMPLE"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.PrincipalIds(context, AwsPrincipalForm.RoleId, "role");
    }
}
