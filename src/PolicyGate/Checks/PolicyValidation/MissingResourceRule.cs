using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2018",
        "MissingResource",
        ValidationFindingType.Error,
        "MISSING_RESOURCE",
        "A statement has neither Resource nor NotResource.",
        "Outside role trust policies every statement must say which resources it covers with Resource or NotResource; AWS rejects a statement with neither.",
        "Add a Resource element with the ARNs the statement applies to.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => !target.IsTrust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Resource is null && statement.NotResource is null)
            {
                context.Report(statement.Node.StartLocation(), statement, $"{statement.Label} has neither Resource nor NotResource");
            }
        }
    }
}
