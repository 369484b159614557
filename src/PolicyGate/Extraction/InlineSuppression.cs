using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Extraction;

/// <summary>
/// A suppression written in the scanned file itself (for example a template's
/// <c>Metadata: policygate: ignore: [PG2002]</c>): findings of <see cref="RuleId"/> (a rule id or an Access
/// Analyzer issue code) inside <see cref="Scope"/> are not reported. <see cref="DeclaredAt"/> is the entry.
/// </summary>
public sealed record InlineSuppression(string RuleId, SourceLocation Scope, string? Reason, SourceLocation DeclaredAt);

/// <summary>A subject that carries inline suppressions for the file it came from.</summary>
public interface ICarriesSuppressions
{
    ImmutableArray<InlineSuppression> Suppressions { get; }
}
