namespace PolicyGate.Checks.CloudFormation;

public static class CloudFormationRules
{
    public static IEnumerable<IRule> All =>
    [
        new InvalidTemplateStructureRule(),
        new UnresolvableReferenceRule(),
        new InvalidIntrinsicFunctionRule(),
        new UnknownPseudoParameterRule(),
        new CircularDependencyRule(),
        new ResolutionLimitRule(),
        new UnsupportedTemplateFeatureRule(),
        new InvalidEmbeddedJsonRule(),
        new InvalidTemplateSuppressionRule(),
        new PolicyDependsOnUnknownsRule(),
        new TemplateExtractionFailedRule(),
    ];
}
