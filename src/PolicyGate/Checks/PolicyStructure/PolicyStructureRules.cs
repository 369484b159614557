namespace PolicyGate.Checks.PolicyStructure;

public static class PolicyStructureRules
{
    public static IEnumerable<IRule> All =>
    [
        new PolicyMissingStatementRule(),
        new InvalidEffectRule(),
        new ConflictingElementsRule(),
        new UnknownPolicyElementRule(),
        new InvalidPolicyVersionRule(),
        new MalformedPolicyElementRule(),
    ];
}
