namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>The custom policy checks (PG3xxx): reference policies, forbidden actions, public access, and the comparison with the base of a change.</summary>
public static class CustomPolicyCheckRules
{
    public static IEnumerable<IRule> All =>
    [
        new NewAccessBeyondReferenceRule(),
        new ForbiddenAccessGrantedRule(),
        new PublicAccessRule(),
        new NewAccessSinceBaseRule(),
        new NewPolicySinceBaseRule(),
    ];
}
