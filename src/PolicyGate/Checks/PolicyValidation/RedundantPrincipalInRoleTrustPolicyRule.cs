using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RedundantPrincipalInRoleTrustPolicyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2039",
        "RedundantPrincipalInRoleTrustPolicy",
        ValidationFindingType.Suggestion,
        "REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY",
        "A trust policy names both a role and an assumed-role session of that role.",
        "An assumed-role session principal (arn:aws:sts::...:assumed-role/Role/Session) adds nothing when the role itself is also a principal of the statement.",
        "Remove the assumed-role principal.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Admin", "arn:aws:sts::111122223333:assumed-role/Admin/alice"]}, "Action": "sts:AssumeRole"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Admin"]}, "Action": "sts:AssumeRole"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var items = (statement.Principal?.Entries ?? []).Where(e => e.Type == PrincipalType.Aws).SelectMany(e => e.Items).ToList();
            var roles = items.Where(i => i.Form == AwsPrincipalForm.Role)
                .Select(i => (Item: i, Arn: PolicyGate.Iam.Text.Arn.TryParse(i.Text)!))
                .ToList();
            foreach (var session in items.Where(i => i.Form == AwsPrincipalForm.AssumedRoleSession))
            {
                var arn = PolicyGate.Iam.Text.Arn.TryParse(session.Text)!;
                var roleName = arn.Resource.Split('/') is { Length: >= 2 } parts ? parts[1] : null;
                var parent = roles.FirstOrDefault(r => r.Arn.Account == arn.Account && r.Arn.Resource.Split('/')[^1] == roleName);
                if (parent.Item is not null)
                {
                    context.Report(session.Value, statement, $"the assumed-role principal {session.Text} is redundant with its role {parent.Item.Text}");
                }
            }
        }
    }
}
