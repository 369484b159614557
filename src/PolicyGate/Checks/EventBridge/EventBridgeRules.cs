namespace PolicyGate.Checks.EventBridge;

/// <summary>EventBridge patterns, rules, targets and input transformers (PG4000–PG4499), and Access Analyzer resources in templates (PG4500–PG4599).</summary>
public static class EventBridgeRules
{
    public static IEnumerable<IRule> All =>
    [
        new InvalidEventPatternRule(),
        new EventPatternNearLimitRule(),
        new NonPortablePatternFeatureRule(),
        new LiteralWildcardCharacterRule(),
        new UnknownEventValueRule(),
        new EventValueCaseMismatchRule(),
        new EnvelopeKeyMisspelledRule(),
        new GlobalServiceRuleRegionRule(),
        new IdentityCenterChangedFieldsRule(),
        new PatternNeverMatchesRule(),
        new PatternMatchesEverythingRule(),
        new PatternWithoutSourceRule(),
        new InputTemplatePlaceholderUndefinedRule(),
        new InvalidInputTransformerRule(),
        new UnusedInputPathRule(),
        new InvalidInputTemplateRule(),
        new InvalidRuleTargetRule(),
        new InvalidRuleStateRule(),
        new EnabledRuleWithoutTargetsRule(),
        new AwsEventsOnCustomBusRule(),
        new ReadOnlyEventsNotDeliveredRule(),
        new RuleTestFailedRule(),
        new RuleTestNotRunRule(),
        new InvalidAnalyzerTypeRule(),
        new UnusedAccessAgeOutOfRangeRule(),
        new AnalyzerConfigurationMismatchRule(),
        new InvalidArchiveRuleFilterRule(),
        new UnknownArchiveFilterKeyRule(),
    ];
}
