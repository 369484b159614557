using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks;

/// <summary>
/// Where rules put findings. It applies the run's rule settings (a rule turned off reports nothing, a level
/// override replaces the default) so that no rule needs to know about configuration, and, while a subject
/// from a template is checked, stamps its findings with the resource's logical id (suppressions by logical
/// id, and readers of SARIF, use it).
/// </summary>
public sealed class FindingSink
{
    private readonly List<Finding> _findings;
    private readonly PolicyOwner? _owner;

    public FindingSink(RuleSettings settings)
        : this(settings, [], null)
    {
    }

    private FindingSink(RuleSettings settings, List<Finding> findings, PolicyOwner? owner)
    {
        Settings = settings;
        _findings = findings;
        _owner = owner;
    }

    public IReadOnlyList<Finding> Findings => _findings;

    public RuleSettings Settings { get; }

    /// <summary>The same sink, stamping findings with <paramref name="owner"/>'s logical id and construct path.</summary>
    public FindingSink For(PolicyOwner owner) => owner.LogicalId is null ? this : new FindingSink(Settings, _findings, owner);

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
            finding = finding.WithProperty(FindingProperties.IssueCode, code);
        }

        if (_owner?.LogicalId is { } logicalId && !finding.Properties.ContainsKey(FindingProperties.LogicalId))
        {
            finding = finding.WithProperty(FindingProperties.LogicalId, logicalId);
            if (_owner.ConstructPath is { } constructPath)
            {
                finding = finding.WithProperty(FindingProperties.ConstructPath, constructPath);
            }
        }

        _findings.Add(finding with { Level = level.Value });
    }
}
