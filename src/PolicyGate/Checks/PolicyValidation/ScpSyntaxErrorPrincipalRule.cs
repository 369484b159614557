using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class ScpSyntaxErrorPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2139",
        "ScpSyntaxErrorPrincipal",
        ValidationFindingType.Error,
        "SCP_SYNTAX_ERROR_PRINCIPAL",
        "An SCP names principals.",
        "Service control policies apply to the principals of the accounts they are attached to, so they do not support Principal or NotPrincipal.",
        "Remove the Principal element; restrict principals with a condition such as aws:PrincipalArn.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsServiceControl;

    public override PolicyKind ExampleKind => PolicyKind.ServiceControl;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Principal, statement.NotPrincipal })
            {
                if (element is not null)
                {
                    context.Report(new SourceLocation(context.Policy.File.Path, element.KeySpan), statement, $"service control policies do not support {element.Name}; remove it");
                }
            }
        }
    }
}
