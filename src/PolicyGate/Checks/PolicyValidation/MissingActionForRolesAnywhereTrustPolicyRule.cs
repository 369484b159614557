using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingActionForRolesAnywhereTrustPolicyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2036",
        "MissingActionForRolesAnywhereTrustPolicy",
        ValidationFindingType.Error,
        "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY",
        "A trust policy for IAM Roles Anywhere lacks one of its required actions.",
        "The rolesanywhere.amazonaws.com service principal needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession to create sessions; without all three it cannot assume the role.",
        "Allow sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession for rolesanywhere.amazonaws.com.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        string[] required = ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"];
        foreach (var statement in context.Policy.Statements)
        {
            if (!statement.IsAllow || statement.Action is not { } actions || actions.Items.Any(a => a.Value.IsUnknown))
            {
                continue;
            }

            var rolesAnywhere = (statement.Principal?.Entries ?? []).Where(e => e.Type == PrincipalType.Service)
                .SelectMany(e => e.Items).FirstOrDefault(i => i.Text.Equals("rolesanywhere.amazonaws.com", StringComparison.OrdinalIgnoreCase));
            if (rolesAnywhere is null)
            {
                continue;
            }

            var missing = required.Where(r => !actions.Items.Any(a => a.Matches(r))).ToList();
            if (missing.Count > 0)
            {
                context.Report(actions.Location, statement, $"rolesanywhere.amazonaws.com also needs {string.Join(", ", missing)} in Action to assume the role");
            }
        }
    }
}
