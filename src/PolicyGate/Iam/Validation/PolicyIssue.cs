using PolicyGate.Checks;
using PolicyGate.Documents;

namespace PolicyGate.Iam.Validation;

/// <summary>One problem a policy check found: the rule, where, and a message naming the element.</summary>
public sealed record PolicyIssue(RuleDescriptor Rule, SourceLocation Location, string Message)
{
    /// <summary>Zero-based index of the statement concerned, when there is one.</summary>
    public int? StatementIndex { get; init; }

    public Finding ToFinding() => new(Rule, Rule.DefaultLevel, Message, Location);
}
