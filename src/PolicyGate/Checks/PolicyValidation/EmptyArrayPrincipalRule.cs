using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyArrayPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2024",
        "EmptyArrayPrincipal",
        ValidationFindingType.Suggestion,
        "EMPTY_ARRAY_PRINCIPAL",
        "A principal type lists no principals.",
        "An empty list of principals matches no one, so the statement has no effect.",
        "List the principals, or remove the statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": []}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Reader"]}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Principal, statement.NotPrincipal })
            {
                foreach (var entry in element?.Entries ?? [])
                {
                    if (entry.WrittenAsList && entry.Items.IsEmpty && entry.Node is ArrayNode)
                    {
                        context.Report(entry.Node.Location, statement, $"{element!.Name} {entry.Key} is an empty list, so the statement applies to no one");
                    }
                }
            }
        }
    }
}
