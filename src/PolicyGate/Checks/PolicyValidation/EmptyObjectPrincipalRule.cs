using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyObjectPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2025",
        "EmptyObjectPrincipal",
        ValidationFindingType.Suggestion,
        "EMPTY_OBJECT_PRINCIPAL",
        "A Principal is an empty object.",
        "An empty Principal object names no one, so the statement has no effect.",
        "Name the principals, or remove the statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Principal, statement.NotPrincipal })
            {
                if (element is { IsObject: true, Entries.IsEmpty: true, IsBareWildcard: false } && element.Node is ObjectNode)
                {
                    context.Report(element.Location, statement, $"{element.Name} is an empty object, so the statement applies to no one");
                }
            }
        }
    }
}
