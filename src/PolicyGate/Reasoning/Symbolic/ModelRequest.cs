using System.Collections.Immutable;
using PolicyGate.Reasoning.Evaluation;

namespace PolicyGate.Reasoning.Symbolic;

/// <summary>A request built from a model, and whether the model pins it down exactly (else it must be confirmed concretely).</summary>
public sealed record ModelRequest(AccessRequest Request, bool Exact)
{
    /// <summary>Keys the model decided are absent: shown in the counterexample as absent (no values).</summary>
    public ImmutableArray<string> AbsentKeys { get; init; } = [];
}

/// <summary>
/// Turns a satisfying assignment into a concrete request: each dimension gets a value the theory allows
/// (realistic candidates first), each context key is present with values or absent as the model says.
/// </summary>
public sealed class ModelRequestBuilder(AtomTable atoms, TheoryChecker theory, WitnessCandidates candidates)
{
    /// <param name="comparePrincipals">False for identity policies: the request has no principal.</param>
    /// <param name="preferred">Values to try first per dimension (for example the tested statement's resources).</param>
    public ModelRequest? Build(Assignment assignment, QueryAtoms query, bool comparePrincipals, Func<DimensionKind, IEnumerable<string>> preferred)
    {
        var exact = query.Opaque.All(o => assignment.ValueOf(o.Id) is null);
        string? Fixed(Dimension dimension)
        {
            var demands = query.Demands(dimension, assignment);
            var options = preferred(dimension.Kind).Concat(candidates.For(demands)).Append(candidates.Default(dimension.Kind));
            return demands.IsEmpty ? options.First() : theory.Values(demands, options)?.FirstOrDefault();
        }

        var principal = comparePrincipals ? Fixed(atoms.Principal) : null;
        var action = Fixed(atoms.Action);
        var resource = Fixed(atoms.Resource);
        if ((comparePrincipals && principal is null) || action is null || resource is null)
        {
            return null;
        }

        var context = AccessRequest.EmptyContext;
        var absent = ImmutableArray.CreateBuilder<string>();
        foreach (var key in query.Keys.Order(StringComparer.Ordinal))
        {
            var name = atoms.KeyName(key);
            var presence = query.PresenceOf(key) is { } p ? assignment.ValueOf(p.Id) : null;
            var facets = query.FacetsOf(key).Select(f => query.Demands(f, assignment)).Where(d => !d.IsEmpty).ToList();
            if (presence == false || (presence is null && facets.All(d => d.AllowsAbsence)))
            {
                if (presence == false || facets.Count > 0)
                {
                    absent.Add(name);
                    context = context.SetItem(name, []);
                }

                continue;
            }

            exact &= facets.Count <= 1;
            List<string>? values = facets.Count == 0
                ? ["example"]
                : theory.Values(facets[0], [.. preferred(DimensionKind.Context), .. candidates.For(facets[0])]);
            if (values is null)
            {
                return null;
            }

            context = context.SetItem(name, [.. values]);
        }

        return new ModelRequest(new AccessRequest(principal, action, resource, context), exact) { AbsentKeys = absent.ToImmutable() };
    }
}
