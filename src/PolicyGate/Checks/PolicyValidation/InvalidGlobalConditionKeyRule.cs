using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidGlobalConditionKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2072",
        "InvalidGlobalConditionKey",
        ValidationFindingType.Error,
        "INVALID_GLOBAL_CONDITION_KEY",
        "An aws: condition key does not exist.",
        "Keys with the aws: prefix are AWS's global condition keys. A key that is not one of them is never in a request, so the condition is always false (or, for negated operators and IfExists, always true).",
        "Correct the key name, for example aws:SourceIp or aws:PrincipalOrgID.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalOrgId2": "o-a1b2c3d4e5"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry) in context.Policy.ConditionEntries())
        {
            if (!entry.Key.Is("aws:ARN") && context.Catalog.ConditionKey(entry.Key.Text).Status == ConditionKeyStatus.UnknownGlobalKey)
            {
                context.Report(entry.KeyLocation, statement, $"the condition key {entry.Key} is not a global condition key");
            }
        }
    }
}
