using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RedundantResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2064",
        "RedundantResource",
        ValidationFindingType.Suggestion,
        "REDUNDANT_RESOURCE",
        "A resource is already covered by another resource of the statement.",
        "An ARN that another entry of the same list already matches (arn:aws:s3:::b/x next to arn:aws:s3:::b/*, or a duplicate) adds nothing.",
        "Remove the redundant entry, or check whether the wildcard is broader than intended.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::my-bucket/*", "arn:aws:s3:::my-bucket/reports/*"]}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::my-bucket/reports/*", "arn:aws:s3:::other-bucket/*"]}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.RedundantEntries<ResourceItem>(context, s => [s.Resource, s.NotResource], i => !i.Pattern.HasVariables, i => i.ToGlob(PolicyGate.Iam.Text.PatternReading.Strict), "resource");
    }
}
