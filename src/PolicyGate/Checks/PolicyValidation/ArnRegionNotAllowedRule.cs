using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class ArnRegionNotAllowedRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2058",
        "ArnRegionNotAllowed",
        ValidationFindingType.Error,
        "ARN_REGION_NOT_ALLOWED",
        "A resource ARN has a region but the service's ARNs have none.",
        "Some services (IAM, S3 buckets, Route 53, ...) have global resources whose ARNs leave the region empty. An ARN with a region never matches them.",
        "Leave the region field empty: arn:aws:iam::111122223333:role/Name.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam:us-east-1:111122223333:role/Admin"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::111122223333:role/Admin"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ArnFields(context, (arn, types) => arn.Region.Length > 0 && !arn.Region.Contains('*', StringComparison.Ordinal) && types.All(t => !t.HasRegion), (arn, text) => $"the service {arn.Service} does not put a region in its ARNs; remove \"{arn.Region}\" from {text}");
    }
}
