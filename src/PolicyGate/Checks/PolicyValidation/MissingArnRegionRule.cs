using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingArnRegionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2060",
        "MissingArnRegion",
        ValidationFindingType.Error,
        "MISSING_ARN_REGION",
        "A resource ARN has no region but every ARN of its service has one.",
        "Regional services put the region in every ARN; an ARN with an empty region field matches none of their resources.",
        "Add the region, or * for every region.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs::111122223333:queue"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:queue"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ArnFields(context, (arn, types) => arn.Region.Length == 0 && types.All(t => t.HasRegion), (arn, text) => $"every {arn.Service} ARN has a region; {text} leaves it empty (use a region or *)");
    }
}
