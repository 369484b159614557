using System.Collections.Immutable;
using PolicyGate.Reasoning.Evaluation;
using PolicyGate.Reasoning.Policies;
using PolicyGate.Reasoning.Values;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>
/// The dimensions, predicates and atoms of one check, interned so that equal tests in the two policies are one
/// atom (which is what lets identical statements cancel out). One table serves one check; nothing is shared.
/// </summary>
public sealed class AtomTable(Func<string, bool> isMultiValued)
{
    private readonly Dictionary<(DimensionKind, string, ValueFamily), Dimension> _dimensions = [];
    private readonly Dictionary<string, Predicate> _predicates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Atom> _atoms = new(StringComparer.Ordinal);
    private readonly List<Atom> _byId = [];
    private readonly Dictionary<string, string> _keyNames = new(StringComparer.Ordinal);

    public IReadOnlyList<Atom> Atoms => _byId;

    public IEnumerable<Dimension> Dimensions => _dimensions.Values;

    public IEnumerable<Predicate> Predicates => _predicates.Values;

    public Atom this[int id] => _byId[id];

    public Dimension Principal => Dimension(DimensionKind.Principal, string.Empty, ValueFamily.String);

    public Dimension Action => Dimension(DimensionKind.Action, string.Empty, ValueFamily.String);

    public Dimension Resource => Dimension(DimensionKind.Resource, string.Empty, ValueFamily.String);

    /// <summary>The key as first written (context keys compare without regard to case; messages show a spelling from the policy).</summary>
    public string KeyName(string keyId) => _keyNames.GetValueOrDefault(keyId, keyId);

    public Dimension Context(string key, ValueFamily family)
    {
        var id = key.ToLowerInvariant();
        _keyNames.TryAdd(id, key);
        return Dimension(DimensionKind.Context, id, family);
    }

    public IEnumerable<Dimension> FacetsOf(string keyId) => _dimensions.Values.Where(d => d.Kind == DimensionKind.Context && d.KeyId == keyId);

    public Predicate Predicate(Dimension dimension, IEnumerable<ConditionOperand> members)
    {
        var list = members.Where(m => m.Constant != false && !(m.Constant is null && m.Text.IsNever))
            .DistinctBy(MemberKey)
            .OrderBy(MemberKey, StringComparer.Ordinal)
            .ToImmutableArray();
        var key = $"{dimension.Id}#{string.Join('\u0001', list.Select(MemberKey))}";
        if (!_predicates.TryGetValue(key, out var predicate))
        {
            predicate = new Predicate(_predicates.Count, dimension, list);
            _predicates[key] = predicate;
        }

        return predicate;
    }

    public MembershipAtom Membership(Predicate predicate, Quantifier quantifier)
    {
        // A single value: "every value" and "some value" agree whenever the key is present.
        var q = predicate.Dimension.MultiValued ? quantifier : Quantifier.Any;
        return (MembershipAtom)Intern($"m{predicate.Id}{q}", id => new MembershipAtom(id, predicate, q));
    }

    public PresenceAtom Presence(string key)
    {
        var id = key.ToLowerInvariant();
        _keyNames.TryAdd(id, key);
        return (PresenceAtom)Intern($"p{id}", n => new PresenceAtom(n, id));
    }

    public OpaqueAtom Opaque(string key, Func<int, OpaqueAtom> create) => (OpaqueAtom)Intern($"o{key}", create);

    public bool IsMultiValued(string keyId) => isMultiValued(keyId);

    private Dimension Dimension(DimensionKind kind, string keyId, ValueFamily family)
    {
        if (!_dimensions.TryGetValue((kind, keyId, family), out var dimension))
        {
            dimension = new Dimension(_dimensions.Count, kind, keyId, family, kind == DimensionKind.Context && isMultiValued(keyId));
            _dimensions[(kind, keyId, family)] = dimension;
        }

        return dimension;
    }

    private Atom Intern(string key, Func<int, Atom> create)
    {
        if (!_atoms.TryGetValue(key, out var atom))
        {
            // The id is taken before the atom is made: making an opaque atom makes the atoms of its bounds.
            var id = _byId.Count;
            _byId.Add(null!);
            atom = create(id);
            _atoms[key] = atom;
            _byId[id] = atom;
        }

        return atom;
    }

    private static string MemberKey(ConditionOperand operand) =>
        operand.Constant is { } c ? (c ? "T" : "F") : $"{operand.Comparison}:{operand.Text.Key}";
}
