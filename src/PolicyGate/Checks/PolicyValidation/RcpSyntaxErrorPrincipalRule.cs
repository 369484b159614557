using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RcpSyntaxErrorPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2135",
        "RcpSyntaxErrorPrincipal",
        ValidationFindingType.Error,
        "RCP_SYNTAX_ERROR_PRINCIPAL",
        "An RCP statement names principals other than \"*\".",
        "Resource control policies apply to every principal: Principal must be \"*\", and NotPrincipal is not supported. Restrict principals with conditions instead.",
        "Write \"Principal\": \"*\" and narrow it with a condition such as aws:PrincipalOrgID.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsResourceControl;

    public override PolicyKind ExampleKind => PolicyKind.ResourceControl;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.NotPrincipal is { } notPrincipal)
            {
                context.Report(new SourceLocation(context.Policy.File.Path, notPrincipal.KeySpan), statement, "resource control policies do not support NotPrincipal; use \"Principal\": \"*\" with a condition");
            }

            if (statement.Principal is { } principal && !principal.IsBareWildcard && principal.Items.Any(i => i.Value.IsFullyKnown))
            {
                context.Report(principal.Location, statement, "resource control policies require \"Principal\": \"*\"; restrict principals with conditions");
            }
        }
    }
}
