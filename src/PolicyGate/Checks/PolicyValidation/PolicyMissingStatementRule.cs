using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PolicyMissingStatementRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2001",
        "PolicyMissingStatement",
        ValidationFindingType.Error,
        "MISSING_STATEMENT",
        "The policy has no Statement element.",
        "An IAM policy must have a Statement element holding one statement or a list of statements. Without it AWS rejects the policy; a wrongly cased \"statement\" is not recognised either.",
        "Add a Statement element. Element names are case-sensitive: `Statement`, not `statement`.",
        """{"Version": "2012-10-17", "statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        var policy = context.Policy;
        if (!policy.IsObject || policy.StatementKeySpan is not null)
        {
            return;
        }

        var miscased = policy.UnknownElements.FirstOrDefault(p => p.Key.Equals("Statement", StringComparison.OrdinalIgnoreCase));
        if (miscased is not null)
        {
            context.Report(new SourceLocation(policy.File.Path, miscased.KeySpan), $"the policy has no Statement element: \"{miscased.Key}\" must be written \"Statement\" (element names are case-sensitive)");
        }
        else
        {
            context.Report(policy.Root.StartLocation(), "the policy has no Statement element, so it grants and denies nothing and AWS rejects it");
        }
    }
}
