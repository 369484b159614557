using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class AllowWithNotPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2026",
        "AllowWithNotPrincipal",
        ValidationFindingType.SecurityWarning,
        "ALLOW_WITH_NOTPRINCIPAL",
        "An Allow statement uses NotPrincipal.",
        "Allow with NotPrincipal grants access to every principal except the listed ones, anonymous users included. That is almost never intended.",
        "Use Principal to list who is allowed; use NotPrincipal only with Deny.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        securitySeverity: "7.0");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.IsAllow && statement.NotPrincipal is { } element)
            {
                context.Report(new SourceLocation(context.Policy.File.Path, element.KeySpan), statement,
                    $"{statement.Label} allows every principal except those in NotPrincipal, anonymous callers included; list the allowed principals in Principal instead");
            }
        }
    }
}
