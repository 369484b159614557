using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RcpSyntaxErrorAllowRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2136",
        "RcpSyntaxErrorAllow",
        ValidationFindingType.Error,
        "RCP_SYNTAX_ERROR_ALLOW",
        "An RCP has an Allow statement other than the full-access one.",
        "Resource control policies only restrict: their statements are Deny statements. The only Allow that Organizations accepts is the managed full-access statement (Principal, Action and Resource all \"*\", no condition).",
        "Rewrite the statement as a Deny of what must not happen.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsResourceControl;

    public override PolicyKind ExampleKind => PolicyKind.ResourceControl;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (!statement.IsAllow)
            {
                continue;
            }

            var fullAccess = statement.Principal is { IsBareWildcard: true } && statement.Action?.Items is [{ IsAllActions: true }]
                && statement.Resource?.Items is [{ IsAll: true }] && statement.Condition is null && statement.NotAction is null && statement.NotResource is null;
            if (!fullAccess)
            {
                context.Report(statement.Effect!.Location, statement, "resource control policies support Allow only as the full-access statement (Principal, Action and Resource \"*\"); use Deny");
            }
        }
    }
}
