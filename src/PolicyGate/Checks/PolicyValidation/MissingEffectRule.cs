using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingEffectRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2016",
        "MissingEffect",
        ValidationFindingType.Error,
        "MISSING_EFFECT",
        "A statement has no Effect.",
        "Every statement needs an Effect of \"Allow\" or \"Deny\"; AWS rejects a statement without one.",
        "Add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`.",
        """{"Version": "2012-10-17", "Statement": [{"Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Effect is null)
            {
                context.Report(statement.Node.StartLocation(), statement, $"{statement.Label} has no Effect; add \"Effect\": \"Allow\" or \"Deny\"");
            }
        }
    }
}
