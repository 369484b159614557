using PolicyGate.Checks.CloudFormation;
using PolicyGate.Checks.Configuration;
using PolicyGate.Checks.Parsing;
using PolicyGate.Checks.PolicyValidation;

namespace PolicyGate.Checks;

/// <summary>
/// Every rule PolicyGate has, built explicitly (no reflection): each area contributes its list. Tool
/// notifications have descriptors but no check class.
/// </summary>
public sealed class RuleCatalog
{
    private RuleCatalog(IReadOnlyList<IRule> rules, IReadOnlyList<RuleDescriptor> descriptors)
    {
        Rules = rules;
        Descriptors = descriptors;
    }

    public IReadOnlyList<IRule> Rules { get; }

    /// <summary>All descriptors, ordered by id.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    public static RuleCatalog BuiltIn { get; } = Create(
    [
        .. ParsingRules.All,
        .. PolicyValidationRules.All,
        .. CloudFormationRules.All,
        .. EventBridge.EventBridgeRules.All,
        .. CustomPolicyChecks.CustomPolicyCheckRules.All,
        new InvalidConfigurationRule(),
    ]);

    public static RuleCatalog Create(IEnumerable<IRule> rules)
    {
        var list = rules.ToList();
        var descriptors = list.Select(r => r.Descriptor).Concat(ToolNotifications.All).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var duplicate = descriptors.GroupBy(d => d.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"rule id {duplicate.Key} is used twice");
        }

        return new RuleCatalog(list, descriptors);
    }

    public RuleDescriptor? Find(string idOrIssueCode) =>
        Descriptors.FirstOrDefault(d => d.Id.Equals(idOrIssueCode, StringComparison.OrdinalIgnoreCase)
                                        || (d.AccessAnalyzerIssueCode?.Equals(idOrIssueCode, StringComparison.OrdinalIgnoreCase) ?? false));
}
