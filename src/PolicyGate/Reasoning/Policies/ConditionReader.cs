using System.Collections.Immutable;
using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Policies;

/// <summary>Reads one condition entry (operator, key, values) for a reading that wants the entry true or false as often as possible.</summary>
public static class ConditionReader
{
    public static ConditionTest Read(ConditionOperator op, ConditionEntry entry, bool wantEntryTrue, bool variables)
    {
        var semantics = OperatorSemantics.Of(op.Kind);
        if (!op.IsKnown)
        {
            return new ConditionTest(entry.Key.Text, op, semantics.Family, []) { Forced = wantEntryTrue };
        }

        // A value that matches makes a negated operator false, so the reading wants the opposite of its values.
        var wantOperandMatch = op.Kind == ConditionOperatorKind.Null ? wantEntryTrue : wantEntryTrue != op.IsNegated;
        var operands = ImmutableArray.CreateBuilder<ConditionOperand>();
        foreach (var value in entry.Values)
        {
            if (value.Guard.IsConditional && !wantOperandMatch)
            {
                continue;
            }

            operands.Add(op.Kind == ConditionOperatorKind.Null
                ? NullOperand(value, wantOperandMatch)
                : Operand(value, semantics, variables, wantOperandMatch));
        }

        return new ConditionTest(entry.Key.Text, op, semantics.Family, operands.ToImmutable()) { AnyOfSeveralValues = wantEntryTrue };
    }

    private static ConditionOperand Operand(PolicyValue value, OperatorSemantics semantics, bool variables, bool wantMatch)
    {
        var pattern = PolicyPatterns.FromValue(value, semantics.Syntax, semantics.IgnoreCase, variables, unknownMatchesAnything: true);
        var operand = new ConditionOperand(pattern, semantics.Family, semantics.Comparison);
        if (!value.IsFullyKnown)
        {
            // Not known offline: for strings a wildcard in the unknown part or nothing; elsewhere the whole value.
            return semantics.Family == ValueFamily.String && wantMatch ? operand
                : semantics.Family == ValueFamily.String ? operand with { Text = TextPattern.Never(value.Text) }
                : operand with { Constant = wantMatch };
        }

        if (!pattern.HasVariables && !semantics.Accepts(value.Text))
        {
            // A number, date or range IAM cannot read: whether it matches is uncertain.
            return operand with { Constant = wantMatch };
        }

        return operand;
    }

    private static ConditionOperand NullOperand(PolicyValue value, bool wantMatch)
    {
        var operand = new ConditionOperand(TextPattern.Exact(value.Text), ValueFamily.String, Comparison.Match);
        return value.IsFullyKnown && value.Text.ToLowerInvariant() is "true" or "false"
            ? operand with { NullTestsAbsence = value.Text.Equals("true", StringComparison.OrdinalIgnoreCase) }
            : operand with { Constant = wantMatch };
    }
}
