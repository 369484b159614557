using System.Collections.Immutable;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// A propositional formula over atoms, kept in negation normal form: negation only on atoms. The factory
/// methods fold constants and flatten nested conjunctions and disjunctions as they build.
/// </summary>
public abstract record Formula
{
    public static Formula True { get; } = new ConstantFormula(true);

    public static Formula False { get; } = new ConstantFormula(false);

    public static Formula Constant(bool value) => value ? True : False;

    public static Formula Var(int atom, bool positive = true) => new LiteralFormula(atom, positive);

    public static Formula And(params IEnumerable<Formula> parts)
    {
        var list = ImmutableArray.CreateBuilder<Formula>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case ConstantFormula { Value: false }:
                    return False;
                case ConstantFormula:
                    break;
                case AndFormula and:
                    list.AddRange(and.Parts);
                    break;
                default:
                    list.Add(part);
                    break;
            }
        }

        return list.Count switch
        {
            0 => True,
            1 => list[0],
            _ => new AndFormula(list.ToImmutable()),
        };
    }

    public static Formula Or(params IEnumerable<Formula> parts)
    {
        var list = ImmutableArray.CreateBuilder<Formula>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case ConstantFormula { Value: true }:
                    return True;
                case ConstantFormula:
                    break;
                case OrFormula or:
                    list.AddRange(or.Parts);
                    break;
                default:
                    list.Add(part);
                    break;
            }
        }

        return list.Count switch
        {
            0 => False,
            1 => list[0],
            _ => new OrFormula(list.ToImmutable()),
        };
    }

    public static Formula Not(Formula formula) => formula switch
    {
        ConstantFormula c => Constant(!c.Value),
        LiteralFormula l => new LiteralFormula(l.Atom, !l.Positive),
        AndFormula a => Or(a.Parts.Select(Not)),
        OrFormula o => And(o.Parts.Select(Not)),
        _ => throw new InvalidOperationException($"unknown formula {formula.GetType().Name}"),
    };

    public static Formula Implies(Formula premise, Formula conclusion) => Or(Not(premise), conclusion);

    /// <summary>Every atom the formula mentions.</summary>
    public IEnumerable<int> Atoms() => this switch
    {
        LiteralFormula l => [l.Atom],
        AndFormula a => a.Parts.SelectMany(p => p.Atoms()),
        OrFormula o => o.Parts.SelectMany(p => p.Atoms()),
        _ => [],
    };
}

public sealed record ConstantFormula(bool Value) : Formula;

public sealed record LiteralFormula(int Atom, bool Positive) : Formula;

public sealed record AndFormula(ImmutableArray<Formula> Parts) : Formula;

public sealed record OrFormula(ImmutableArray<Formula> Parts) : Formula;
