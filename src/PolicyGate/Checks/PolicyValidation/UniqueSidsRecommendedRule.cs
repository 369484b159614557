using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UniqueSidsRecommendedRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2013",
        "UniqueSidsRecommended",
        ValidationFindingType.Warning,
        "UNIQUE_SIDS_RECOMMENDED",
        "Two statements of a resource policy share a Sid.",
        "Resource policies accept duplicate Sids, but a Sid that names two statements makes findings, logs and reviews ambiguous.",
        "Give each statement its own Sid.",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}, {"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "ReadObjects", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}, {"Sid": "ListBucket", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsResourcePolicy;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.DuplicateSids(context, "use a unique Sid per statement");
    }
}
