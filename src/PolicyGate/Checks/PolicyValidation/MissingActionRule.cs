using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2017",
        "MissingAction",
        ValidationFindingType.Error,
        "MISSING_ACTION",
        "A statement has neither Action nor NotAction.",
        "Every statement must say which actions it covers with Action or NotAction; AWS rejects a statement with neither.",
        "Add an Action element listing the actions.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Action is null && statement.NotAction is null)
            {
                context.Report(statement.Node.StartLocation(), statement, $"{statement.Label} has neither Action nor NotAction");
            }
        }
    }
}
