using PolicyGate.Checks;
using PolicyGate.Documents;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>What one policy check sees while it runs: the target and a way to report for its own rule.</summary>
public sealed class PolicyCheckContext(ValidationTarget target, RuleDescriptor rule, Action<PolicyIssue> report)
{
    public ValidationTarget Target { get; } = target;

    public PolicyDocument Policy => Target.Policy;

    public IamCatalog Catalog => Target.Catalog;

    public RuleDescriptor Rule { get; } = rule;

    public void Report(SourceLocation location, string message, int? statementIndex = null) =>
        report(new PolicyIssue(Rule, location, message) { StatementIndex = statementIndex });

    public void Report(SourceLocation location, PolicyStatement statement, string message) =>
        Report(location, message, statement.Index);

    public void Report(PolicyValue value, PolicyStatement? statement, string message) =>
        Report(value.Location, message, statement?.Index);
}
