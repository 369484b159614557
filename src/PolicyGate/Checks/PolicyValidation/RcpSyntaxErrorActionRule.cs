using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RcpSyntaxErrorActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2138",
        "RcpSyntaxErrorAction",
        ValidationFindingType.Error,
        "RCP_SYNTAX_ERROR_ACTION",
        "An RCP names an action of a service that RCPs do not support.",
        "Resource control policies apply only to the services that support them (S3, STS, KMS, SQS, Secrets Manager and others); actions of other services are rejected. \"*\" is allowed.",
        "Limit the RCP to actions of supported services.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsResourceControl;

    public override PolicyKind ExampleKind => PolicyKind.ResourceControl;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyActionItems())
        {
            if (!item.Value.IsFullyKnown || item.IsAllActions || item.Service is not { } prefix || prefix.Contains('*', StringComparison.Ordinal) || prefix.Contains('?', StringComparison.Ordinal))
            {
                continue;
            }

            if (context.Catalog.Service(prefix) is { SupportsResourceControlPolicies: false })
            {
                context.Report(item.Value, statement, $"the service {prefix} of action {item.Text} does not support resource control policies");
            }
        }
    }
}
