namespace PolicyGate.Reasoning.Symbolic;

/// <summary>A partial assignment of truth values to atoms: +1 true, -1 false, 0 not decided.</summary>
public sealed class Assignment(int atoms)
{
    private readonly sbyte[] _values = new sbyte[atoms];

    public int Count => _values.Length;

    public sbyte this[int atom] => _values[atom];

    public bool? ValueOf(int atom) => _values[atom] switch { > 0 => true, < 0 => false, _ => null };

    public void Set(int atom, bool value) => _values[atom] = value ? (sbyte)1 : (sbyte)-1;

    public void Unset(int atom) => _values[atom] = 0;
}

/// <summary>What the assigned atoms of one dimension demand of its value(s).</summary>
public sealed record DimensionDemands(Dimension Dimension, List<Predicate> AnyTrue, List<Predicate> AnyFalse, List<Predicate> AllTrue, List<Predicate> AllFalse)
{
    public bool IsEmpty => AnyTrue.Count + AnyFalse.Count + AllTrue.Count + AllFalse.Count == 0;

    /// <summary>An absent key has no value: "some value" tests fail and "every value" tests hold.</summary>
    public bool AllowsAbsence => AnyTrue.Count == 0 && AllFalse.Count == 0;

    public string Key => $"{Dimension.Id}:{Ids(AnyTrue)}:{Ids(AnyFalse)}:{Ids(AllTrue)}:{Ids(AllFalse)}";

    private static string Ids(List<Predicate> list) => string.Join(',', list.Select(p => p.Id).Order());
}
