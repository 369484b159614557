using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidUserReferenceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2028",
        "InvalidUserReference",
        ValidationFindingType.Warning,
        "INVALID_USER_REFERENCE",
        "A principal is a user's unique id instead of its ARN.",
        "AWS replaces a user ARN in a resource policy by the user's unique id (AIDA...) when the user is deleted. Such a principal matches no current user and hides who was meant.",
        "Reference the user by its ARN.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "AIDA1234567890EXAMPLE"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.PrincipalIds(context, AwsPrincipalForm.UserId, "user");
    }
}
