using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;
using PolicyGate.Reasoning.Policies;

namespace PolicyGate.Reasoning.Checks;

/// <summary>
/// Which condition keys hold several values in a check: those a policy tests with ForAllValues or ForAnyValue,
/// and those the catalog documents as multi-valued (ArrayOf...). Every other key holds one value. Reading a
/// key as multi-valued only adds requests (a single value is the one-element case), so the catalog may only
/// widen what is considered here; it never removes a request.
/// </summary>
public static class ContextKeyArity
{
    public static Func<string, bool> For(IEnumerable<ReadPolicy> policies, IamCatalog? catalog)
    {
        var qualified = policies.SelectMany(p => p.Statements).SelectMany(s => s.Conditions)
            .Where(c => c.Operator.Qualifier != SetQualifier.None)
            .Select(c => c.KeyId)
            .ToHashSet(StringComparer.Ordinal);
        var cache = new Dictionary<string, bool>(StringComparer.Ordinal);
        return keyId =>
        {
            if (!cache.TryGetValue(keyId, out var multi))
            {
                multi = qualified.Contains(keyId) || (catalog?.ConditionKey(keyId).Key?.IsMultiValued ?? false);
                cache[keyId] = multi;
            }

            return multi;
        };
    }
}
