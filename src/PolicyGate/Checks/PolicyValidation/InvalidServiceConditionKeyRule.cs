using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidServiceConditionKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2073",
        "InvalidServiceConditionKey",
        ValidationFindingType.Error,
        "INVALID_SERVICE_CONDITION_KEY",
        "A service condition key does not exist in its service.",
        "The service exists but does not define this condition key, so it is never in a request and the condition never holds as written.",
        "Correct the key name; the Service Authorization Reference lists each service's keys.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"s3:prefixes": "home/"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"s3:prefix": "home/"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry) in context.Policy.ConditionEntries())
        {
            if (context.Catalog.ConditionKey(entry.Key.Text).Status == ConditionKeyStatus.UnknownServiceKey)
            {
                context.Report(entry.KeyLocation, statement, $"the condition key {entry.Key} does not exist in the service {entry.Key.Prefix}");
            }
        }
    }
}
