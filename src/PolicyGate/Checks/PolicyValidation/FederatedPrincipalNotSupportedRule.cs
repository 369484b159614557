using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class FederatedPrincipalNotSupportedRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2030",
        "FederatedPrincipalNotSupported",
        ValidationFindingType.Error,
        "FEDERATED_PRINCIPAL_NOT_SUPPORTED",
        "A resource policy other than a role trust policy names a Federated principal.",
        "Federated principals (identity providers) can only assume roles, so they belong in role trust policies. Other resource policies do not support them.",
        "Grant access to the role that the federated users assume instead.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.Kind == PolicyKind.Resource && !target.Policy.KindInferred;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry, _) in context.Policy.PrincipalItems())
        {
            if (entry.Type == PrincipalType.Federated)
            {
                context.Report(new SourceLocation(context.Policy.File.Path, entry.KeySpan), statement, $"a {context.Target.KindName} does not support Federated principals; only role trust policies do");
                break;
            }
        }
    }
}
