using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace PolicyGate.Iam.Catalog;

/// <summary>
/// Reads the embedded catalog (<c>iam-catalog.txt.gz</c>: one tab-separated fact per line, written by
/// scripts/iam-catalog/generate.js). The catalog is read once, on first use, so commands that do not need it
/// (<c>--version</c>, <c>rules</c>) never pay for it.
/// </summary>
public static class IamCatalogResource
{
    public const string ResourceName = "PolicyGate.Iam.Catalog.iam-catalog.txt.gz";

    private static readonly Lazy<IamCatalog> Loaded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IamCatalog Embedded => Loaded.Value;

    public static IamCatalog LoadEmbedded()
    {
        using var stream = typeof(IamCatalogResource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Read(stream);
    }

    /// <summary>Reads a gzip'd catalog.</summary>
    public static IamCatalog Read(Stream gzip)
    {
        using var unzip = new GZipStream(gzip, CompressionMode.Decompress);
        using var reader = new StreamReader(unzip, Encoding.UTF8);
        return Parse(reader);
    }

    public static IamCatalog Parse(TextReader reader) => Parse(reader.ReadToEnd());

    /// <summary>
    /// Parses the catalog text. Action lines, nine in ten of the catalog, are not split here: each service keeps
    /// the range of its action lines and parses them when it is first used.
    /// </summary>
    public static IamCatalog Parse(string text)
    {
        var position = 0;
        if (NextLine(text, ref position) is not "policygate-iam-catalog\t1")
        {
            throw new InvalidDataException("not a PolicyGate IAM catalog (version 1)");
        }

        string packageName = string.Empty, packageVersion = string.Empty, dataDate = string.Empty;
        var globals = ImmutableArray.CreateBuilder<ConditionKeyInfo>();
        var patterns = ImmutableArray.CreateBuilder<ConditionKeyPattern>();
        var providers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var services = new Dictionary<string, Lazy<ServiceInfo>>(StringComparer.OrdinalIgnoreCase);
        var typesByArnService = new Dictionary<string, List<ResourceTypeInfo>>(StringComparer.Ordinal);
        ServiceBuilder? current = null;
        while (position < text.Length)
        {
            var lineStart = position;
            if (text.AsSpan(position).StartsWith("action\t", StringComparison.Ordinal))
            {
                SkipLine(text, ref position);
                Require(current, "action").AddActionLine(lineStart, position);
                continue;
            }

            var line = NextLine(text, ref position)!;
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            switch (f[0])
            {
                case "package":
                    packageName = f[1];
                    packageVersion = f[2];
                    dataDate = f.Length > 3 && f[3].Length >= 10 ? f[3][..10] : string.Empty;
                    break;
                case "global":
                    globals.Add(new ConditionKeyInfo(f[1], ConditionKeyTypes.Parse(f[2])));
                    break;
                case "pattern":
                    patterns.Add(new ConditionKeyPattern(f[1], f[2], f[3]));
                    break;
                case "unassociated":
                    providers[f[1]] = f[2].Split(',', StringSplitOptions.RemoveEmptyEntries);
                    break;
                case "service":
                    if (current is not null)
                    {
                        Finish(current);
                    }

                    current = new ServiceBuilder(f[1], f.Length > 2 && f[2] == "rcp", text);
                    break;
                case "key":
                    Require(current, line).Keys.Add(new ConditionKeyInfo(f[1], ConditionKeyTypes.Parse(f[2])));
                    break;
                case "type":
                    Require(current, line).Types.Add(new ResourceTypeInfo(f[1], f[2], [.. f[3].Split(',', StringSplitOptions.RemoveEmptyEntries)]));
                    break;
                default:
                    throw new InvalidDataException($"unexpected catalog line: {line}");
            }
        }

        if (current is not null)
        {
            Finish(current);
        }

        void Finish(ServiceBuilder service)
        {
            var globalKeys = globals.ToImmutable();
            services[service.Prefix] = new Lazy<ServiceInfo>(() => service.Build(globalKeys), LazyThreadSafetyMode.ExecutionAndPublication);

            // A format whose service field is a placeholder (backup's recovery points: ${Vendor}) belongs to its own service.
            foreach (var type in service.Types)
            {
                var key = type.ArnService.StartsWith("${", StringComparison.Ordinal) ? service.Prefix : type.ArnService;
                if (!typesByArnService.TryGetValue(key, out var list))
                {
                    list = [];
                    typesByArnService[key] = list;
                }

                list.Add(type);
            }
        }

        return new IamCatalog(
            packageName,
            packageVersion,
            dataDate,
            // Plain dictionaries, never mutated after this: frozen ones cost more to build than a run saves in lookups.
            services,
            typesByArnService.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            globals.ToImmutable(),
            patterns.ToImmutable(),
            providers);
    }

    private static ServiceBuilder Require(ServiceBuilder? current, string line) =>
        current ?? throw new InvalidDataException($"catalog line outside a service: {line}");

    /// <summary>The line at <paramref name="position"/> without its line break, advancing past it; null at the end.</summary>
    private static string? NextLine(string text, ref int position)
    {
        if (position >= text.Length)
        {
            return null;
        }

        var start = position;
        SkipLine(text, ref position);
        var end = position;
        while (end > start && text[end - 1] is '\n' or '\r')
        {
            end--;
        }

        return text[start..end];
    }

    private static void SkipLine(string text, ref int position)
    {
        var newline = text.IndexOf('\n', position);
        position = newline < 0 ? text.Length : newline + 1;
    }

    private sealed class ServiceBuilder(string prefix, bool rcp, string text)
    {
        private int _actionsStart = -1;
        private int _actionsEnd = -1;

        public string Prefix { get; } = prefix;

        public List<ConditionKeyInfo> Keys { get; } = [];

        public List<ResourceTypeInfo> Types { get; } = [];

        /// <summary>Records an action line; a service's action lines are contiguous in the catalog.</summary>
        public void AddActionLine(int start, int end)
        {
            if (_actionsStart >= 0 && start != _actionsEnd)
            {
                throw new InvalidDataException($"the action lines of service {Prefix} are not contiguous");
            }

            if (_actionsStart < 0)
            {
                _actionsStart = start;
            }

            _actionsEnd = end;
        }

        private IEnumerable<string> Actions()
        {
            var position = Math.Max(_actionsStart, 0);
            var end = _actionsStart < 0 ? 0 : _actionsEnd;
            while (position < end && NextLine(text, ref position) is { } line)
            {
                if (line.Length > 0)
                {
                    yield return line;
                }
            }
        }

        public ServiceInfo Build(IReadOnlyList<ConditionKeyInfo> globals)
        {
            var keysByName = new Dictionary<string, ConditionKeyInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in globals.Concat(Keys))
            {
                keysByName[key.Name] = key;
            }

            var typesByName = Types.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var actions = new Dictionary<string, ActionInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in Actions())
            {
                var f = line.Split('\t');
                var resourceTypes = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(r => r.EndsWith('*') ? new ActionResourceType(r[..^1], true) : new ActionResourceType(r, false))
                    .ToImmutableArray();
                // An action supports its own keys and those of the resource types it acts on.
                var keys = f[4].Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Concat(resourceTypes.SelectMany(r => typesByName.TryGetValue(r.Name, out var type) ? type.ConditionKeys : []))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .Select(k => keysByName.GetValueOrDefault(k) ?? new ConditionKeyInfo(k, ConditionKeyType.Unknown))
                    .ToImmutableArray();
                actions[f[1]] = new ActionInfo(Prefix, f[1], ParseLevel(f[2]), resourceTypes, keys);
            }

            return new ServiceInfo(Prefix, rcp, actions, [.. Types], [.. Keys]);
        }

        private static AccessLevel ParseLevel(string codes)
        {
            var level = AccessLevel.None;
            foreach (var c in codes)
            {
                level |= c switch
                {
                    'R' => AccessLevel.Read,
                    'W' => AccessLevel.Write,
                    'L' => AccessLevel.List,
                    'T' => AccessLevel.Tagging,
                    'P' => AccessLevel.PermissionsManagement,
                    _ => AccessLevel.None,
                };
            }

            return level;
        }
    }
}
