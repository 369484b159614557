using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class ArnAccountNotAllowedRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2059",
        "ArnAccountNotAllowed",
        ValidationFindingType.Error,
        "ARN_ACCOUNT_NOT_ALLOWED",
        "A resource ARN has an account but the service's ARNs have none.",
        "Some services (S3 buckets and objects among the S3 resource types, Route 53, ...) leave the account field of their ARNs empty. An ARN with an account never matches them.",
        "Leave the account field empty.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "route53:GetHostedZone", "Resource": "arn:aws:route53::111122223333:hostedzone/Z1"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "route53:GetHostedZone", "Resource": "arn:aws:route53:::hostedzone/Z1"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ArnFields(context, (arn, types) => arn.Account.Length > 0 && !arn.Account.Contains('*', StringComparison.Ordinal) && types.All(t => !t.HasAccount), (arn, text) => $"the service {arn.Service} does not put an account in its ARNs; remove \"{arn.Account}\" from {text}");
    }
}
