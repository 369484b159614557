using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptyArrayActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2047",
        "EmptyArrayAction",
        ValidationFindingType.Suggestion,
        "EMPTY_ARRAY_ACTION",
        "A statement's Action is an empty list.",
        "An empty Action list matches no action, so the statement has no effect.",
        "List the actions, or remove the statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Action is { IsEmptyList: true, MayBeAbsent: false } action && action.Node is ArrayNode)
            {
                context.Report(action.Location, statement, $"{statement.Label} has an empty Action list and matches no action");
            }
        }
    }
}
