using PolicyGate.Documents;
using PolicyGate.Spelling;
using System.Text.RegularExpressions;
using PolicyGate.EventBridge.Events;
using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>
/// Finds pattern values an event source never emits, using rules/event-sources: misspelled or
/// wrongly-cased sources, detail-types a source does not send, CloudTrail eventSource host names no AWS
/// service uses (or that belong to another source), and values outside a field's known enumeration.
/// </summary>
public static partial class KnownValueCheck
{
    private const string EventSourcePath = "detail.eventSource";

    public static IReadOnlyList<PatternIssue> Find(CompiledPattern pattern, EventSourceCatalog catalog)
    {
        var issues = new PatternIssueList();
        var awsSources = PlausibleAwsSources(catalog);
        foreach (var rule in pattern.SubRules)
        {
            var scope = PatternScope.Of(rule, catalog);
            CheckSources(scope, catalog, awsSources, issues);
            CheckDetailTypes(scope, catalog, issues);
            CheckHosts(scope, catalog, issues);
            CheckFields(scope, issues);
        }

        return issues.Sorted();
    }

    /// <summary>Sources AWS uses as far as the knowledge goes: described sources and aws.&lt;service&gt; of every known host.</summary>
    private static HashSet<string> PlausibleAwsSources(EventSourceCatalog catalog)
    {
        var set = new HashSet<string>(catalog.Sources.Keys, StringComparer.Ordinal) { "aws.cloudwatch" };
        foreach (var host in catalog.CloudTrail.KnownEventSources)
        {
            set.Add("aws." + host[..host.IndexOf('.', StringComparison.Ordinal)]);
        }

        return set;
    }

    private static void CheckSources(PatternScope scope, EventSourceCatalog catalog, HashSet<string> awsSources, PatternIssueList issues)
    {
        if (scope.Field("source") is not { } source)
        {
            return;
        }

        foreach (var value in PatternScope.ExactStrings(source))
        {
            var v = value.Value;
            if (awsSources.Contains(v) || !v.StartsWith("aws.", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var lower = v.ToLowerInvariant();
            if (!string.Equals(v, lower, StringComparison.Ordinal))
            {
                issues.Add(PatternIssueKind.CaseMismatch, value.Source, $"source {JsonText.Quote(v)} never matches: AWS event sources are lower case ({JsonText.Quote(lower)})");
            }
            else if (SpellingSuggestions.Nearest(v, catalog.Sources.Keys.Order(StringComparer.Ordinal), 2) is { } nearest)
            {
                issues.Add(PatternIssueKind.UnknownValue, value.Source, $"source {JsonText.Quote(v)} is not an AWS event source; did you mean {JsonText.Quote(nearest)}?");
            }
        }
    }

    private static void CheckDetailTypes(PatternScope scope, EventSourceCatalog catalog, PatternIssueList issues)
    {
        if (scope.Field("detail-type") is not { } detailType)
        {
            return;
        }

        var closed = !scope.Sources.IsEmpty && scope.Sources.All(s => s.ClosedDetailTypes);
        var sent = scope.Sources.SelectMany(catalog.DetailTypesOf).Distinct(StringComparer.Ordinal).ToList();
        foreach (var value in PatternScope.ExactStrings(detailType))
        {
            var v = value.Value;
            if (sent.Contains(v, StringComparer.Ordinal) || catalog.CloudTrail.DetailTypes.Contains(v, StringComparer.Ordinal))
            {
                continue;
            }

            if (SpellingSuggestions.CaseVariant(v, sent.Concat(catalog.CloudTrail.DetailTypes)) is { } cased)
            {
                issues.Add(PatternIssueKind.CaseMismatch, value.Source, $"detail-type {JsonText.Quote(v)} never matches: events carry {JsonText.Quote(cased)} (values are case-sensitive)");
            }
            else if (closed)
            {
                var names = string.Join(", ", scope.Sources.Select(s => s.Source));
                var hint = SpellingSuggestions.Nearest(v, sent, 4) is { } near ? $"; did you mean {JsonText.Quote(near)}?" : string.Empty;
                issues.Add(PatternIssueKind.UnknownValue, value.Source, $"detail-type {JsonText.Quote(v)} is never sent by {names}, which sends {EventPhrases.Values(sent)}{hint}");
            }
        }
    }

    private static void CheckHosts(PatternScope scope, EventSourceCatalog catalog, PatternIssueList issues)
    {
        if (scope.Field(EventSourcePath) is not { } hosts)
        {
            return;
        }

        var detailType = scope.Field("detail-type");
        if (detailType is not null && !PatternScope.AcceptsAny(detailType, catalog.CloudTrail.DetailTypes))
        {
            return;
        }

        var known = catalog.CloudTrail.KnownEventSources.Order(StringComparer.Ordinal).ToList();
        var expected = !scope.Sources.IsEmpty && scope.Sources.All(s => !s.EventSources.IsDefaultOrEmpty)
            ? scope.Sources.SelectMany(s => s.EventSources).Distinct(StringComparer.Ordinal).ToList()
            : null;
        foreach (var value in PatternScope.ExactStrings(hosts))
        {
            var h = value.Value;
            if (!HostShape().IsMatch(h))
            {
                if (HostShape().IsMatch(h.ToLowerInvariant()))
                {
                    issues.Add(PatternIssueKind.CaseMismatch, value.Source, $"eventSource {JsonText.Quote(h)} never matches: CloudTrail host names are lower case ({JsonText.Quote(h.ToLowerInvariant())})");
                    continue;
                }

                var suggestion = known.FirstOrDefault(k => h.StartsWith(k, StringComparison.OrdinalIgnoreCase))
                                 ?? SpellingSuggestions.Nearest(h, known, 3);
                var hint = suggestion is null ? string.Empty : $"; CloudTrail records these calls as {JsonText.Quote(suggestion)}";
                issues.Add(PatternIssueKind.UnknownValue, value.Source, $"eventSource {JsonText.Quote(h)} is not a host name any AWS service uses (they have the form <service>.amazonaws.com){hint}");
            }
            else if (expected is not null && !expected.Contains(h, StringComparer.Ordinal))
            {
                var names = string.Join(", ", scope.Sources.Select(s => s.Source));
                issues.Add(PatternIssueKind.UnknownValue, value.Source, $"events of {names} carry eventSource {EventPhrases.Values(expected)}; {JsonText.Quote(h)} never matches them");
            }
        }
    }

    private static void CheckFields(PatternScope scope, PatternIssueList issues)
    {
        foreach (var condition in scope.Rule.Conditions)
        {
            if (condition.Path is "source" or "detail-type" or EventSourcePath)
            {
                continue;
            }

            var closed = scope.ClosedValuesOf(condition.Path);
            var specs = scope.SpecsOf(condition.Path);
            var anyValues = specs?.Where(s => s.HasValues).SelectMany(s => s.Values).Distinct(StringComparer.Ordinal).ToList();
            foreach (var matcher in condition.Matchers)
            {
                if (matcher is ExactStringMatcher exact)
                {
                    var v = exact.Value;
                    if (anyValues is not null && SpellingSuggestions.CaseVariant(v, anyValues) is { } cased && !anyValues.Contains(v, StringComparer.Ordinal))
                    {
                        issues.Add(PatternIssueKind.CaseMismatch, matcher.Source, $"{condition.Path} {JsonText.Quote(v)} never matches: {EventPhrases.Events(scope)} carry {JsonText.Quote(cased)} (values are case-sensitive)");
                    }
                    else if (closed is not null && !closed.Contains(v, StringComparer.Ordinal))
                    {
                        issues.Add(PatternIssueKind.UnknownValue, matcher.Source, $"{condition.Path} {JsonText.Quote(v)} never matches: in {EventPhrases.Events(scope)} it is one of {EventPhrases.Values(closed)}");
                    }
                }
                else if (closed is not null && IsStringOperator(matcher.Kind) && !closed.Any(v => matcher.Matches(new EventLeaf(LeafKind.String, v, ArrayMembership.None, null), LeafView.Raw)))
                {
                    issues.Add(PatternIssueKind.UnknownValue, matcher.Source, $"{matcher} at {condition.Path} matches none of the values {EventPhrases.Events(scope)} carry there ({EventPhrases.Values(closed)})");
                }
            }
        }
    }

    private static bool IsStringOperator(MatcherKind kind) => kind is MatcherKind.Prefix or MatcherKind.Suffix or MatcherKind.Wildcard
        or MatcherKind.EqualsIgnoreCase or MatcherKind.PrefixIgnoreCase or MatcherKind.SuffixIgnoreCase;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.amazonaws\\.com\\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostShape();
}
