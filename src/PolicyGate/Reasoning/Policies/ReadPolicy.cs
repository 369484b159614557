using System.Collections.Immutable;
using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Policies;

/// <summary>
/// How to resolve what IAM leaves uncertain (values unknown offline, CloudFormation choices, expansions IAM may
/// or may not make): <see cref="Broadest"/> reads everything so the policy allows as much as it possibly could
/// (the policy under test), <see cref="Narrowest"/> so it allows only what it surely allows (a reference).
/// </summary>
public enum PolicyReading
{
    Broadest,
    Narrowest,
}

/// <summary>A policy with every uncertainty resolved by one reading: what the evaluator and the symbolic engine both work on.</summary>
public sealed record ReadPolicy(ImmutableArray<ReadStatement> Statements, PolicyReading Reading)
{
    /// <summary>The model the policy was read from (spans, Sids), when there is one.</summary>
    public PolicyDocument? Source { get; init; }

    public IEnumerable<ReadStatement> Allows => Statements.Where(s => s.Effect == PolicyEffect.Allow);

    public IEnumerable<ReadStatement> Denies => Statements.Where(s => s.Effect == PolicyEffect.Deny);
}

/// <summary>
/// One statement after reading. <see cref="Principal"/> is null when principals are not compared (identity
/// policies). Conditions AND together.
/// </summary>
public sealed record ReadStatement(int Index, string? Sid, PolicyEffect Effect, ElementTest Action, ElementTest Resource)
{
    public ElementTest? Principal { get; init; }

    public ImmutableArray<ConditionTest> Conditions { get; init; } = [];

    /// <summary>The statement as written, for locations and messages.</summary>
    public PolicyStatement? Source { get; init; }

    /// <summary>"statement 2 "AllowWrite"" or "statement 0".</summary>
    public string Label => Sid is { Length: > 0 } sid ? $"statement {Index} \"{sid}\"" : $"statement {Index}";
}

/// <summary>An element (Action, Resource, Principal, or their Not-twins): the value matches when some pattern does, reversed when <see cref="Negated"/>.</summary>
public sealed record ElementTest(ImmutableArray<TextPattern> Patterns, bool Negated)
{
    public static ElementTest Everything { get; } = new([TextPattern.Anything], false);

    public static ElementTest Nothing { get; } = new([], false);

    public string ElementName { get; init; } = string.Empty;
}

/// <summary>
/// One value of a condition entry: what it compares and how. <see cref="Constant"/> is set when the value is
/// not usable (an unparsable number, an invalid range) and the reading decided whether it matches.
/// </summary>
public sealed record ConditionOperand(TextPattern Text, ValueFamily Family, Comparison Comparison)
{
    public bool? Constant { get; init; }

    /// <summary>For the Null operator: true tests absence, false presence.</summary>
    public bool? NullTestsAbsence { get; init; }
}

/// <summary>
/// One key of a condition block with its operator and values. <see cref="Forced"/> is set when the entry as a
/// whole is uncertain (an unknown operator) and the reading decided its outcome. For an operator without
/// qualifier that meets several request values, <see cref="AnyOfSeveralValues"/> says whether one matching value
/// suffices (IAM's behaviour there is undocumented, so the reading decides).
/// </summary>
public sealed record ConditionTest(string Key, ConditionOperator Operator, ValueFamily Family, ImmutableArray<ConditionOperand> Operands)
{
    public string KeyId { get; } = Key.ToLowerInvariant();

    public bool? Forced { get; init; }

    public bool AnyOfSeveralValues { get; init; }

    public bool Negated => Operator.IsNegated;

    public bool IsNullCheck => Operator.Kind == ConditionOperatorKind.Null;

    public bool HasVariables => Operands.Any(o => o.Constant is null && o.Text.HasVariables);
}
