using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnsupportedWildcardInPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2023",
        "UnsupportedWildcardInPrincipal",
        ValidationFindingType.Error,
        "UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
        "A principal value contains a wildcard.",
        "Principal values are matched exactly: the only wildcard allowed is a whole \"*\" for AWS principals. A * or ? inside an ARN, account or service name is not supported; to allow a family of principals, use a condition such as ArnLike on aws:PrincipalArn.",
        "Name the principals exactly, or allow the account and narrow it with a condition on aws:PrincipalArn.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app-*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/app-*"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry, item) in context.Policy.PrincipalItems())
        {
            if (entry.Type is PrincipalType.Everyone or PrincipalType.Invalid || !item.Value.IsFullyKnown)
            {
                continue;
            }

            var text = item.Text;
            if ((entry.Type == PrincipalType.Aws && text == "*") || !(text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal)))
            {
                continue;
            }

            context.Report(item.Value, statement, $"the {entry.Key} principal \"{text}\" contains a wildcard; principal values do not support * or ? (use a condition on aws:PrincipalArn)");
        }
    }
}
