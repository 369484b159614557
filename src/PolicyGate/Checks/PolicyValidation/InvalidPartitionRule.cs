using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidPartitionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2053",
        "InvalidPartition",
        ValidationFindingType.Error,
        "INVALID_PARTITION",
        "A resource ARN names a partition that does not exist.",
        "The partition field is aws, aws-cn, aws-us-gov or one of the isolated partitions. Anything else matches no resource.",
        "Use the partition the resource lives in, usually aws.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:amazon:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (item.Arn is not { Prefix: "arn" } arn || !ResourceArns.IsPlainField(item, arn.PartitionStart, arn.Partition))
            {
                continue;
            }

            if (!AwsPartitions.IsPartition(arn.Partition))
            {
                context.Report(item.Value, statement, $"the partition \"{arn.Partition}\" in resource {item.Text} does not exist; use one of {string.Join(", ", AwsPartitions.Names)}");
            }
        }
    }
}
