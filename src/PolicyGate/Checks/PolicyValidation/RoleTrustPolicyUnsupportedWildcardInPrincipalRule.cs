using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RoleTrustPolicyUnsupportedWildcardInPrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2032",
        "RoleTrustPolicyUnsupportedWildcardInPrincipal",
        ValidationFindingType.Error,
        "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
        "A role trust policy has \"Principal\": \"*\".",
        "The bare \"Principal\": \"*\" is not supported in role trust policies.",
        "Name the principals that may assume the role.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Reader"}, "Action": "sts:AssumeRole"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (statement.Principal is { IsBareWildcard: true } element)
            {
                context.Report(element.Location, statement, "\"Principal\": \"*\" is not supported in a role trust policy; name the principals that may assume the role");
            }
        }
    }
}
