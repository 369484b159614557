using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RcpSyntaxErrorNotActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2137",
        "RcpSyntaxErrorNotAction",
        ValidationFindingType.Error,
        "RCP_SYNTAX_ERROR_NOTACTION",
        "An RCP statement uses NotAction.",
        "Resource control policies do not support NotAction.",
        "List the actions with Action.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}, "NotAction": "s3:GetObject"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsResourceControl;

    public override PolicyKind ExampleKind => PolicyKind.ResourceControl;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.NotAction is { } notAction)
            {
                context.Report(notAction.KeyLocation, statement, "resource control policies do not support NotAction; use Action");
            }
        }
    }
}
