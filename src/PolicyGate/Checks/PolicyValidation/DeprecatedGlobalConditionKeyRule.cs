using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class DeprecatedGlobalConditionKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2075",
        "DeprecatedGlobalConditionKey",
        ValidationFindingType.Warning,
        "DEPRECATED_GLOBAL_CONDITION_KEY",
        "An identity policy uses the deprecated condition key aws:ARN.",
        "aws:ARN is deprecated; aws:PrincipalArn states the same test explicitly.",
        "Use aws:PrincipalArn.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ArnEquals": {"aws:ARN": "arn:aws:iam::111122223333:role/Reader"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/Reader"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsIdentity;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry) in context.Policy.ConditionEntries())
        {
            if (entry.Key.Is("aws:ARN"))
            {
                context.Report(entry.KeyLocation, statement, "the condition key aws:ARN is deprecated; use aws:PrincipalArn");
            }
        }
    }
}
