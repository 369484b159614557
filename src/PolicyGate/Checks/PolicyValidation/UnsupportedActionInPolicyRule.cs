using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnsupportedActionInPolicyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2066",
        "UnsupportedActionInPolicy",
        ValidationFindingType.Error,
        "UNSUPPORTED_ACTION_IN_POLICY",
        "A resource policy names an action of another service than the one it is attached to.",
        "A resource policy is only consulted for requests to its own resource, so actions of other services (for example sqs:SendMessage in an S3 bucket policy) never apply.",
        "Name only actions of the resource's service.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => ResourceArns.ServicesGovernedBy(target.ResourceType).Length > 0 && target.Kind == PolicyKind.Resource;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override string? ExampleResourceType => "AWS::S3::Bucket";

    public override void Check(PolicyCheckContext context)
    {
        var services = ResourceArns.ServicesGovernedBy(context.Target.ResourceType);
        foreach (var (statement, item) in context.Policy.AnyActionItems())
        {
            if (item.Value.IsFullyKnown && item.Service is { } service && !service.Contains('*', StringComparison.Ordinal) && !service.Contains('?', StringComparison.Ordinal)
                && !services.Contains(service.ToLowerInvariant(), StringComparer.Ordinal))
            {
                context.Report(item.Value, statement, $"the action {item.Text} is not supported in a resource policy of {context.Target.ResourceType}");
            }
        }
    }
}
