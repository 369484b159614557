using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnsupportedPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2020",
        "UnsupportedPrincipal",
        ValidationFindingType.Error,
        "UNSUPPORTED_PRINCIPAL",
        "An identity policy has a Principal or NotPrincipal element.",
        "An identity policy applies to the identity it is attached to, so it cannot name principals; IAM rejects Principal and NotPrincipal in it.",
        "Remove the Principal element, or attach the statement to the resource as a resource policy.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsIdentity && !target.Policy.KindInferred;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Principal, statement.NotPrincipal })
            {
                if (element is not null)
                {
                    context.Report(new SourceLocation(context.Policy.File.Path, element.KeySpan), statement, $"an identity policy cannot have {element.Name}; remove it");
                }
            }
        }
    }
}
