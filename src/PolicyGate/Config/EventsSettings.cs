using System.Collections.Immutable;
using PolicyGate.Documents;

namespace PolicyGate.Config;

/// <summary>The events section of policygate.yaml: rule tests against sample events.</summary>
public sealed record EventsSettings
{
    public static EventsSettings Default { get; } = new();

    public ImmutableArray<EventRuleTest> Tests { get; init; } = [];
}

/// <summary>
/// One rule test: the rule under test (a pattern file, or a template with a logical id and, for a SAM
/// function, an event name) and the sample events it must and must not match. Paths are report paths
/// (repository-relative); <see cref="Location"/> is the test's entry in the configuration.
/// </summary>
public sealed record EventRuleTest(
    SourceLocation Location,
    string? Name,
    string? Pattern,
    string? Template,
    string? Rule,
    string? Event,
    ImmutableArray<SampleEventFile> Match,
    ImmutableArray<SampleEventFile> NoMatch)
{
    public string Describe => Name ?? (Pattern is not null ? Pattern : $"{Template} {Rule}{(Event is null ? string.Empty : "." + Event)}");
}

/// <summary>A sample event file named by a test: its report path, where it is on disk, and where the test names it.</summary>
public sealed record SampleEventFile(string Path, string FullPath, SourceLocation Location);

/// <summary>Binds the events section: resolves paths against the configuration file's directory and checks the files exist.</summary>
public static class EventsSettingsBinder
{
    public static EventsSettings Bind(ObjectNode section, string configReportPath, List<ConfigError> errors)
    {
        var tests = ImmutableArray.CreateBuilder<EventRuleTest>();
        if (section["tests"] is not ArrayNode list)
        {
            return EventsSettings.Default;
        }

        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(section.File.FullPath)) ?? ".";
        var reportDirectory = Path.GetDirectoryName(configReportPath.Replace('\\', '/'))?.Replace('\\', '/') ?? string.Empty;
        foreach (var entry in list.Items.OfType<ObjectNode>())
        {
            var file = new PathResolver(configDirectory, reportDirectory, errors);
            var rule = Text(entry["rule"]);
            if (entry.Has("pattern") == entry.Has("template"))
            {
                errors.Add(new ConfigError(entry.Location, "an events test names either \"pattern\" (a pattern file) or \"template\" and \"rule\" (a logical id), not both and not neither"));
                continue;
            }

            var pattern = file.Target(entry["pattern"]);
            var template = file.Target(entry["template"]);
            var match = file.Samples(entry["match"]);
            var noMatch = file.Samples(entry["no-match"]);
            if (pattern is null && template is null)
            {
                // The file does not exist; that error is reported already.
                continue;
            }

            if (template is not null && rule is null)
            {
                errors.Add(new ConfigError(entry.Location, "an events test with \"template\" needs \"rule\": the logical id of the rule in the template"));
                continue;
            }

            if (match.IsEmpty && noMatch.IsEmpty && !entry.Has("match") && !entry.Has("no-match"))
            {
                errors.Add(new ConfigError(entry.Location, "an events test lists sample events under \"match\" or \"no-match\""));
                continue;
            }

            tests.Add(new EventRuleTest(entry.Location, Text(entry["name"]), pattern?.Path, template?.Path, rule, Text(entry["event"]), match, noMatch));
        }

        return new EventsSettings { Tests = tests.ToImmutable() };
    }

    private static string? Text(Node? node) => node is ScalarNode { Kind: ScalarKind.String } s ? s.Value : null;

    /// <summary>Resolves paths written in the configuration and reports the ones that do not exist.</summary>
    private sealed class PathResolver(string configDirectory, string reportDirectory, List<ConfigError> errors)
    {
        public SampleEventFile? Target(Node? node) => node is ScalarNode { Kind: ScalarKind.String } s ? Resolve(s) : null;

        public ImmutableArray<SampleEventFile> Samples(Node? node) =>
            node is ArrayNode array ? array.Items.OfType<ScalarNode>().Select(Resolve).OfType<SampleEventFile>().ToImmutableArray() : [];

        private SampleEventFile? Resolve(ScalarNode node)
        {
            var full = Path.GetFullPath(Path.Combine(configDirectory, node.Value));
            if (!File.Exists(full))
            {
                errors.Add(new ConfigError(node.Location, $"events test: the file {node.Value} does not exist (paths are relative to the configuration file)"));
                return null;
            }

            return new SampleEventFile(Normalize(reportDirectory.Length == 0 ? node.Value : reportDirectory + "/" + node.Value), full, node.Location);
        }

        /// <summary>A report path: forward slashes, no "." or ".." segments.</summary>
        private static string Normalize(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Replace('\\', '/').Split('/'))
            {
                if (part is "" or ".")
                {
                    continue;
                }

                if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else
                {
                    parts.Add(part);
                }
            }

            return string.Join('/', parts);
        }
    }
}
