using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Symbolic;

namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// One statement's question: the symbolic <see cref="Goal"/> ("some request matches this statement, the policy
/// allows it, and ...") and the same question asked of one concrete request (<see cref="Holds"/>).
/// </summary>
public sealed record StatementQuery(ReadStatement Statement, Formula Goal, Func<AccessRequest, bool> Holds);
