using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Patterns;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// Translates read statements into formulas over the atoms of an <see cref="AtomTable"/>, following the
/// evaluator's semantics exactly: a key missing from the request makes plain operators false and negated ones
/// true, set qualifiers quantify over a multi-valued key's values, tests that read policy variables become
/// opaque atoms with bounds.
/// </summary>
public sealed class FormulaBuilder(AtomTable atoms)
{
    private const int MaxCaseConstants = 24;

    private readonly Dictionary<ReadStatement, Formula> _statements = new(ReferenceEqualityComparer.Instance);

    public AtomTable Atoms => atoms;

    /// <summary>"The policy allows the request": some Allow statement matches and no Deny statement does.</summary>
    public Formula Allowed(ReadPolicy policy) =>
        Formula.And(Formula.Or(policy.Allows.Select(Statement)), Formula.Not(Formula.Or(policy.Denies.Select(Statement))));

    public Formula Statement(ReadStatement statement)
    {
        if (!_statements.TryGetValue(statement, out var formula))
        {
            formula = Formula.And(
                statement.Principal is { } principal ? Element(principal, atoms.Principal) : Formula.True,
                Element(statement.Action, atoms.Action),
                Element(statement.Resource, atoms.Resource),
                Formula.And(statement.Conditions.Select(Condition)));
            _statements[statement] = formula;
        }

        return formula;
    }

    /// <summary>"The dimension's value lies in one of these patterns" (for a context key: some value does).</summary>
    public Formula In(Dimension dimension, IEnumerable<ConditionOperand> members)
    {
        var predicate = atoms.Predicate(dimension, members);
        return predicate.IsUniversal ? Present(dimension)
            : predicate.IsEmpty ? Formula.False
            : Formula.Var(atoms.Membership(predicate, Quantifier.Any).Id);
    }

    public Formula In(Dimension dimension, IEnumerable<TextPattern> patterns) =>
        In(dimension, patterns.Select(p => new ConditionOperand(p, ValueFamily.String, Comparison.Match)));

    /// <summary>"Every value of the (multi-valued) dimension lies in the set"; true when the key is absent.</summary>
    public Formula All(Dimension dimension, IEnumerable<ConditionOperand> members)
    {
        var predicate = atoms.Predicate(dimension, members);
        return predicate.IsUniversal ? Formula.True
            : predicate.IsEmpty ? Formula.Not(Present(dimension))
            : Formula.Var(atoms.Membership(predicate, Quantifier.All).Id);
    }

    public Formula Present(Dimension dimension) =>
        dimension.AlwaysPresent ? Formula.True : Formula.Var(atoms.Presence(dimension.KeyId).Id);

    public Formula Present(string key) => Formula.Var(atoms.Presence(key).Id);

    /// <summary>
    /// What must hold when an opaque atom of <paramref name="formula"/> is assigned: its general bounds, and for
    /// a test reading one single-valued key, the exact outcome in each case where that key is absent or equals a
    /// constant the policies compare it with. An unassigned opaque atom constrains nothing (the formula then holds
    /// whatever its value), so the search only looks at the bounds of atoms it has assigned.
    /// </summary>
    public Dictionary<int, OpaqueBounds> BoundsOf(Formula formula)
    {
        var bounds = new Dictionary<int, OpaqueBounds>();
        foreach (var id in formula.Atoms().Distinct().ToList())
        {
            if (atoms[id] is OpaqueAtom opaque)
            {
                var cases = CaseBounds(opaque).ToList();
                bounds[id] = new OpaqueBounds(
                    Formula.And([opaque.Upper, .. cases.Select(c => Formula.Implies(c.Premise, c.Outcome))]),
                    Formula.And([Formula.Not(opaque.Lower), .. cases.Select(c => Formula.Implies(c.Premise, Formula.Not(c.Outcome)))]));
            }
        }

        return bounds;
    }

    private IEnumerable<(Formula Premise, Formula Outcome)> CaseBounds(OpaqueAtom opaque)
    {
        if (opaque.Uses is not [var (pattern, dimension)] || opaque.Operand is not { } operand
            || pattern.Variables.Select(v => v.Key.ToLowerInvariant()).Distinct().ToList() is not [var key]
            || atoms.IsMultiValued(key))
        {
            yield break;
        }

        var variable = pattern.Variables.First();
        Formula Outcome(IReadOnlyList<string>? values) =>
            pattern.Substitute(_ => values) is { } resolved ? In(dimension, [operand with { Text = resolved }]) : Formula.False;

        // Absent: the default, or no match at all.
        yield return (Formula.Not(Present(key)), Outcome(null));
        var constants = atoms.Predicates
            .Where(p => p.Dimension.Kind == DimensionKind.Context && p.Dimension.KeyId == key && p.Dimension.IsString)
            .SelectMany(p => p.Patterns)
            .Where(p => p.IsLiteral && !p.IgnoreCase)
            .Select(p => string.Concat(p.Tokens.Select(t => t.Char)))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxCaseConstants)
            .ToList();
        if (constants.Count == 0 || variable.Default is not null && pattern.Variables.Any(v => v.Default != variable.Default))
        {
            yield break;
        }

        var facet = atoms.Context(atoms.KeyName(key), ValueFamily.String);
        foreach (var constant in constants)
        {
            yield return (In(facet, [TextPattern.Exact(constant)]), Outcome([constant]));
        }
    }

    private Formula Element(ElementTest element, Dimension dimension)
    {
        var fixedPatterns = element.Patterns.Where(p => !p.HasVariables);
        var parts = new List<Formula> { In(dimension, fixedPatterns) };
        foreach (var pattern in element.Patterns.Where(p => p.HasVariables))
        {
            parts.Add(Formula.Var(PatternAtom(pattern, dimension).Id));
        }

        var matches = Formula.Or(parts);
        return element.Negated ? Formula.Not(matches) : matches;
    }

    private OpaqueAtom PatternAtom(TextPattern pattern, Dimension dimension) =>
        atoms.Opaque($"r|{dimension.Id}|{pattern.Key}", id => new OpaqueAtom(id, $"{dimension} matches {pattern.Display}", request =>
            pattern.Substitute(request.ValuesOf) is { } resolved && PatternMatcher.Matches(resolved, ValueOf(dimension, request)))
        {
            Upper = Formula.And([In(dimension, [pattern.VariablesAsAnything()]), .. RequiredKeys(pattern)]),
            Uses = [(pattern, dimension)],
            Operand = new ConditionOperand(pattern, ValueFamily.String, Comparison.Match),
        });

    /// <summary>A variable without default matches only when its key is present.</summary>
    private IEnumerable<Formula> RequiredKeys(TextPattern pattern) =>
        pattern.Variables.Where(v => v.Default is null).Select(v => v.Key.ToLowerInvariant()).Distinct().Select(Present);

    private Formula Condition(ConditionTest test)
    {
        if (test.Forced is { } forced)
        {
            return Formula.Constant(forced);
        }

        if (test.IsNullCheck)
        {
            return Formula.Or(test.Operands.Select(o => o.Constant is { } c ? Formula.Constant(c)
                : o.NullTestsAbsence == true ? Formula.Not(Present(test.Key)) : Present(test.Key)));
        }

        var dimension = atoms.Context(test.Key, test.Family);
        var variable = test.Operands.Where(o => o.Constant is null && o.Text.HasVariables).ToList();
        var fixedOperands = test.Operands.Where(o => !(o.Constant is null && o.Text.HasVariables)).ToList();
        if (variable.Count == 0)
        {
            return Entry(test, dimension, fixedOperands);
        }

        if (!dimension.MultiValued && test.Operator.Qualifier == SetQualifier.None)
        {
            // One value: each variable operand is its own test of that value.
            var matches = Formula.Or([In(dimension, fixedOperands), .. variable.Select(o => Formula.Var(ValueAtom(o, dimension).Id))]);
            return test.Negated ? Formula.Not(matches)
                : test.Operator.IfExists ? Formula.Or(Formula.Not(Present(dimension)), matches)
                : matches;
        }

        // Several values and variables: the entry as a whole is opaque, bounded by reading the variable
        // operands as matching everything or nothing (an entry grows with its operands unless negated).
        var withAll = Entry(test, dimension, [.. fixedOperands, new ConditionOperand(TextPattern.Anything, test.Family, Comparison.Match) { Constant = true }]);
        var withNone = Entry(test, dimension, fixedOperands);
        var key = $"e|{test.KeyId}|{test.Operator.Text}|{test.AnyOfSeveralValues}|{string.Join('\u0001', test.Operands.Select(o => o.Constant?.ToString() ?? o.Text.Key))}";
        var atom = atoms.Opaque(key, id => new OpaqueAtom(id, $"{test.Operator.Text} {test.Key}", request => ConditionEvaluator.Evaluate(test, request))
        {
            Upper = test.Negated ? withNone : withAll,
            Lower = test.Negated ? withAll : withNone,
            Uses = [.. variable.Select(o => (o.Text, dimension))],
        });
        return Formula.Var(atom.Id);
    }

    /// <summary>"The key's single value matches this operand once its variables are replaced".</summary>
    private OpaqueAtom ValueAtom(ConditionOperand operand, Dimension dimension) =>
        atoms.Opaque($"v|{dimension.Id}|{operand.Comparison}|{operand.Text.Key}", id => new OpaqueAtom(id, $"{atoms.KeyName(dimension.KeyId)} {operand.Comparison} {operand.Text.Display}", request =>
            request.ValuesOf(dimension.KeyId) is { Count: 1 } values && ConditionEvaluator.Matches(operand, values[0], request))
        {
            Upper = Formula.And([
                operand.Family == ValueFamily.String ? In(dimension, [operand with { Text = operand.Text.VariablesAsAnything() }]) : Present(dimension),
                .. RequiredKeys(operand.Text)]),
            Uses = [(operand.Text, dimension)],
            Operand = operand,
        });

    private Formula Entry(ConditionTest test, Dimension dimension, IReadOnlyList<ConditionOperand> operands)
    {
        var op = test.Operator;
        var present = Present(dimension);
        if (!dimension.MultiValued)
        {
            var matches = In(dimension, operands);
            return test.Negated ? Formula.Not(matches) : op.IfExists ? Formula.Or(Formula.Not(present), matches) : matches;
        }

        var any = In(dimension, operands);
        var all = All(dimension, operands);
        var holds = (op.Qualifier, test.Negated) switch
        {
            (SetQualifier.ForAnyValue, false) => any,
            (SetQualifier.ForAnyValue, true) => Formula.And(present, Formula.Not(all)),
            (SetQualifier.ForAllValues, false) => all,
            (SetQualifier.ForAllValues, true) => Formula.Not(any),
            (_, false) => test.AnyOfSeveralValues ? any : Formula.And(present, all),
            (_, true) => test.AnyOfSeveralValues ? Formula.Or(Formula.Not(present), Formula.Not(all)) : Formula.Not(any),
        };
        return op.IfExists ? Formula.Or(Formula.Not(present), holds) : holds;
    }

    public static string ValueOf(Dimension dimension, AccessRequest request) => dimension.Kind switch
    {
        DimensionKind.Principal => request.Principal ?? PrincipalIdentity.Anonymous,
        DimensionKind.Action => request.Action,
        DimensionKind.Resource => request.Resource,
        _ => request.ValuesOf(dimension.KeyId) is { Count: 1 } values ? values[0] : string.Empty,
    };
}
