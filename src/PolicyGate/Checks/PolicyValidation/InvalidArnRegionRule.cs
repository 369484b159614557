using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidArnRegionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2057",
        "InvalidArnRegion",
        ValidationFindingType.Error,
        "INVALID_ARN_REGION",
        "The region field of a resource ARN is not a region.",
        "The region field of an ARN is empty (for global services) or a region name such as us-east-1. A misspelt region matches no resource.",
        "Write the region name, for example eu-west-1.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east:111122223333:queue"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:queue"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (item.Arn is not { Prefix: "arn" } arn || arn.Region.Length == 0 || !ResourceArns.IsPlainField(item, arn.RegionStart, arn.Region))
            {
                continue;
            }

            if (!AwsPartitions.IsRegion(arn.Region))
            {
                context.Report(item.Value, statement, $"the region \"{arn.Region}\" in resource {item.Text} is not a region name");
            }
        }
    }
}
