using PolicyGate.AccessAnalyzer;
using PolicyGate.Checks;

namespace PolicyGate.Iam.Validation;

/// <summary>Builds the descriptors of the ValidatePolicy twins so each rule states only its own facts.</summary>
public static class ValidationDescriptors
{
    /// <summary>
    /// A policy-validation rule. Access Analyzer's finding types map to levels: ERROR → error, SECURITY_WARNING →
    /// warning with a security severity, WARNING → warning, SUGGESTION → note.
    /// </summary>
    public static RuleDescriptor Create(
        string id,
        string name,
        ValidationFindingType type,
        string? issueCode,
        string shortDescription,
        string fullDescription,
        string explanation,
        string badExample,
        string goodExample,
        string? securitySeverity = null) =>
        new(id, name, RuleArea.PolicyValidation, LevelOf(type), shortDescription, fullDescription, new RuleHelp(explanation, badExample, goodExample))
        {
            AccessAnalyzerIssueCode = issueCode,
            SecuritySeverity = securitySeverity ?? (type == ValidationFindingType.SecurityWarning ? "5.0" : null),
        };

    public static FindingLevel LevelOf(ValidationFindingType type) => type switch
    {
        ValidationFindingType.Error => FindingLevel.Error,
        ValidationFindingType.SecurityWarning or ValidationFindingType.Warning => FindingLevel.Warning,
        _ => FindingLevel.Note,
    };

    /// <summary>The Access Analyzer finding type of a rule, from its default level and security severity.</summary>
    public static ValidationFindingType FindingTypeOf(RuleDescriptor rule) => rule.DefaultLevel switch
    {
        FindingLevel.Error => ValidationFindingType.Error,
        FindingLevel.Warning when rule.SecuritySeverity is not null => ValidationFindingType.SecurityWarning,
        FindingLevel.Warning => ValidationFindingType.Warning,
        _ => ValidationFindingType.Suggestion,
    };

    public static string Name(this ValidationFindingType type) => type switch
    {
        ValidationFindingType.Error => "ERROR",
        ValidationFindingType.SecurityWarning => "SECURITY_WARNING",
        ValidationFindingType.Warning => "WARNING",
        _ => "SUGGESTION",
    };
}
