using System.Collections.Immutable;
using System.Text;

namespace PolicyGate.Reasoning.Evaluation;

/// <summary>
/// A concrete request: who (see <see cref="Policies.PrincipalIdentity"/>; null when principals do not matter),
/// which action on which resource, and the request context. Context keys compare without regard to case; a key
/// that maps to no values is absent.
/// </summary>
public sealed record AccessRequest(string? Principal, string Action, string Resource, ImmutableSortedDictionary<string, ImmutableArray<string>> Context)
{
    public static ImmutableSortedDictionary<string, ImmutableArray<string>> EmptyContext { get; } =
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    public static AccessRequest Of(string? principal, string action, string resource, IEnumerable<KeyValuePair<string, ImmutableArray<string>>>? context = null) =>
        new(principal, action, resource, EmptyContext.AddRange(context ?? []));

    /// <summary>The values of a key, or null when the key is absent.</summary>
    public IReadOnlyList<string>? ValuesOf(string key) =>
        Context.TryGetValue(key, out var values) && !values.IsDefaultOrEmpty ? values : null;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Principal ?? "(principal not compared)").Append(' ').Append(Action).Append(' ').Append(Resource);
        foreach (var (key, values) in Context)
        {
            text.Append(' ').Append(key).Append('=').Append(values.IsDefaultOrEmpty ? "(absent)" : string.Join('|', values));
        }

        return text.ToString();
    }
}
