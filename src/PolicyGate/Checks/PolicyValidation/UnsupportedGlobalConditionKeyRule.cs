using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnsupportedGlobalConditionKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2074",
        "UnsupportedGlobalConditionKey",
        ValidationFindingType.Error,
        "UNSUPPORTED_GLOBAL_CONDITION_KEY",
        "A resource policy uses the unsupported condition key aws:ARN.",
        "aws:ARN is not supported; depending on what is meant, aws:PrincipalArn (who calls) or aws:SourceArn (on whose behalf a service calls) is the key to use.",
        "Use aws:PrincipalArn or aws:SourceArn.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ArnEquals": {"aws:ARN": "arn:aws:iam::111122223333:role/Reader"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/Reader"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => !target.IsIdentity;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry) in context.Policy.ConditionEntries())
        {
            if (entry.Key.Is("aws:ARN"))
            {
                context.Report(entry.KeyLocation, statement, "the condition key aws:ARN is not supported; use aws:PrincipalArn or aws:SourceArn");
            }
        }
    }
}
