using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2019",
        "MissingPrincipal",
        ValidationFindingType.Error,
        "MISSING_PRINCIPAL",
        "A statement of a resource policy has no Principal.",
        "A resource policy grants access to principals, so each statement must name them with Principal or NotPrincipal; AWS rejects a statement without.",
        "Add a Principal element naming who the statement applies to.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsResourcePolicy && !target.Policy.KindInferred;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Principal is null && statement.NotPrincipal is null)
            {
                context.Report(statement.Node.StartLocation(), statement, $"{statement.Label} has no Principal; a {context.Target.KindName} must name its principals");
            }
        }
    }
}
