using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PublicPrincipalWithoutConditionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2134",
        "PublicPrincipalWithoutCondition",
        ValidationFindingType.SecurityWarning,
        null,
        "A resource policy allows every principal without a restricting condition.",
        "Principal \"*\" (or {\"AWS\": \"*\"}) in an Allow statement grants access to anyone, anonymous callers included. Without a condition that narrows who can call (aws:PrincipalOrgID, aws:SourceVpce, aws:PrincipalAccount, ...), the resource is public.",
        "Name the principals, or add a condition that restricts the callers to your organization, accounts or network.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}""",
        securitySeverity: "8.0");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsResourcePolicy;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (!statement.IsAllow || statement.Principal is not { } principal || !principal.IncludesEveryone || statement.HasCondition())
            {
                continue;
            }

            context.Report(principal.Location, statement, $"{statement.Label} allows every principal (\"*\") with no condition: anyone, anonymous callers included, gets this access");
        }
    }
}
