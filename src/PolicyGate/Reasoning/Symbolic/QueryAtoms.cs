namespace PolicyGate.Reasoning.Symbolic;

/// <summary>The atoms one query mentions, indexed by dimension and key, so theory checks look only at those.</summary>
public sealed class QueryAtoms
{
    private readonly Dictionary<int, List<MembershipAtom>> _byDimension = [];
    private readonly Dictionary<string, List<Dimension>> _facets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PresenceAtom> _presence = new(StringComparer.Ordinal);

    public QueryAtoms(AtomTable table, Formula formula)
    {
        foreach (var id in formula.Atoms().Distinct())
        {
            switch (table[id])
            {
                case MembershipAtom m:
                    if (!_byDimension.TryGetValue(m.Dimension.Id, out var list))
                    {
                        _byDimension[m.Dimension.Id] = list = [];
                        if (m.Dimension.Kind == DimensionKind.Context)
                        {
                            Facets(m.Dimension.KeyId).Add(m.Dimension);
                        }
                    }

                    list.Add(m);
                    break;
                case PresenceAtom p:
                    _presence[p.KeyId] = p;
                    Facets(p.KeyId);
                    break;
                case OpaqueAtom o:
                    Opaque.Add(o);
                    break;
            }
        }
    }

    public List<OpaqueAtom> Opaque { get; } = [];

    public IEnumerable<string> Keys => _facets.Keys;

    public IEnumerable<Dimension> FixedDimensions(AtomTable table) =>
        new[] { table.Principal, table.Action, table.Resource }.Where(d => _byDimension.ContainsKey(d.Id));

    public IReadOnlyList<Dimension> FacetsOf(string keyId) => _facets.TryGetValue(keyId, out var list) ? list : [];

    public PresenceAtom? PresenceOf(string keyId) => _presence.GetValueOrDefault(keyId);

    public DimensionDemands Demands(Dimension dimension, Assignment assignment)
    {
        var demands = new DimensionDemands(dimension, [], [], [], []);
        if (_byDimension.TryGetValue(dimension.Id, out var atoms))
        {
            foreach (var atom in atoms)
            {
                switch (assignment.ValueOf(atom.Id), atom.Quantifier)
                {
                    case (true, Quantifier.Any):
                        demands.AnyTrue.Add(atom.Predicate);
                        break;
                    case (false, Quantifier.Any):
                        demands.AnyFalse.Add(atom.Predicate);
                        break;
                    case (true, Quantifier.All):
                        demands.AllTrue.Add(atom.Predicate);
                        break;
                    case (false, Quantifier.All):
                        demands.AllFalse.Add(atom.Predicate);
                        break;
                }
            }
        }

        return demands;
    }

    private List<Dimension> Facets(string keyId)
    {
        if (!_facets.TryGetValue(keyId, out var list))
        {
            _facets[keyId] = list = [];
        }

        return list;
    }
}
