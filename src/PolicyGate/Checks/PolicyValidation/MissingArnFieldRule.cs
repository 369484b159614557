using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingArnFieldRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2051",
        "MissingArnField",
        ValidationFindingType.Error,
        "MISSING_ARN_FIELD",
        "A resource ARN has fewer than six fields.",
        "An ARN has six colon-separated fields: arn:partition:service:region:account:resource (region and account may be empty but their colons may not be left out).",
        "Write all six fields, keeping empty ones: arn:aws:s3:::my-bucket.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:my-bucket"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (!item.Value.IsFullyKnown || !item.Text.StartsWith("arn:", StringComparison.Ordinal) || item.Arn is not null)
            {
                continue;
            }

            // A wildcard may stand for the missing colons.
            if (item.Text.Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            var fields = PolicyGate.Iam.Text.Arn.FieldCount(item.Text);
            context.Report(item.Value, statement, $"the ARN \"{item.Text}\" has {fields} fields; ARNs have six: arn:partition:service:region:account:resource");
        }
    }
}
