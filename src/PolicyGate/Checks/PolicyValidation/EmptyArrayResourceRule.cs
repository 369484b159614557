using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyArrayResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2063",
        "EmptyArrayResource",
        ValidationFindingType.Suggestion,
        "EMPTY_ARRAY_RESOURCE",
        "A statement's Resource is an empty list.",
        "An empty Resource list matches no resource, so the statement has no effect.",
        "List the resources, or remove the statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": []}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::my-bucket/*"]}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Resource is { IsEmptyList: true, MayBeAbsent: false } resource && resource.Node is ArrayNode)
            {
                context.Report(resource.Location, statement, $"{statement.Label} has an empty Resource list and matches no resource");
            }
        }
    }
}
