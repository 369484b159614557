using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidPrincipalFormatRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2021",
        "InvalidPrincipalFormat",
        ValidationFindingType.Error,
        "INVALID_PRINCIPAL_FORMAT",
        "A Principal is neither \"*\" nor an object of principal types.",
        "The Principal element is either \"*\" or an object whose keys are principal types (AWS, Service, Federated, CanonicalUser). A bare ARN or account id is not accepted.",
        "Wrap the value in its principal type, for example {\"AWS\": \"arn:aws:iam::111122223333:role/Reader\"}.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:role/Reader", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Principal, statement.NotPrincipal })
            {
                foreach (var node in element?.InvalidForms ?? [])
                {
                    context.Report(node.Location, statement, node is ScalarNode { IsString: true } s
                        ? $"{element!.Name} \"{s.Value}\" must be \"*\" or an object such as {{\"AWS\": \"{s.Value}\"}}"
                        : $"{element!.Name} must be \"*\" or an object, not {node.KindName}");
                }
            }
        }
    }
}
