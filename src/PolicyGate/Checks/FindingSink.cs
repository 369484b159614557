using PolicyGate.Documents;

namespace PolicyGate.Checks;

/// <summary>
/// Where rules put findings. It applies the run's rule settings (a rule turned off reports nothing, a level
/// override replaces the default) so that no rule needs to know about configuration.
/// </summary>
public sealed class FindingSink(RuleSettings settings)
{
    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> Findings => _findings;

    public RuleSettings Settings { get; } = settings;

    public void Report(RuleDescriptor rule, SourceLocation location, string message) =>
        Add(new Finding(rule, rule.DefaultLevel, message, location));

    public void Report(RuleDescriptor rule, Node node, string message) => Report(rule, node.Location, message);

    /// <summary>Adds a finding built by the rule; its level is replaced by the configured one.</summary>
    public void Add(Finding finding)
    {
        var level = Settings.LevelOf(finding.Rule);
        if (level is null)
        {
            return;
        }

        if (finding.Rule.AccessAnalyzerIssueCode is { } code && !finding.Properties.ContainsKey("issueCode"))
        {
            finding = finding.WithProperty("issueCode", code);
        }

        _findings.Add(finding with { Level = level.Value });
    }
}
