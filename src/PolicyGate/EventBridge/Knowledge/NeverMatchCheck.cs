using PolicyGate.EventBridge.Matching;

namespace PolicyGate.EventBridge.Knowledge;

/// <summary>
/// Finds fields of a pattern that no event can satisfy: value lists of the wrong JSON type for the field
/// (a number for the 12-digit account string, the string "false" for a boolean, any value list for an
/// object such as detail), values or exists:true on a path the same pattern treats as an object, numeric
/// ranges that hold no float64, and resources on CloudTrail API calls (whose resources list is empty).
/// </summary>
public static class NeverMatchCheck
{
    public static IReadOnlyList<PatternIssue> Find(CompiledPattern pattern, EventSourceCatalog catalog)
    {
        var issues = new PatternIssueList();
        foreach (var rule in pattern.SubRules)
        {
            var scope = PatternScope.Of(rule, catalog);
            foreach (var condition in rule.Conditions)
            {
                CheckRanges(condition, issues);
                CheckType(condition, scope, catalog, issues);
                CheckObjectPath(condition, rule, issues);
            }

            CheckResources(scope, catalog, issues);
        }

        return issues.Sorted();
    }

    private static void CheckRanges(Condition condition, PatternIssueList issues)
    {
        foreach (var range in condition.Matchers.OfType<NumericRangeMatcher>().Where(r => r.IsEmpty))
        {
            issues.Add(PatternIssueKind.NeverMatches, range.Source, $"the range {range} at {condition.Path} contains no number: no float64 lies strictly between its bounds");
        }
    }

    private static void CheckType(Condition condition, PatternScope scope, EventSourceCatalog catalog, PatternIssueList issues)
    {
        var (type, whose) = ExpectedType(condition.Path, scope, catalog);
        if (type is null || condition.AllowsAbsence || condition.Matchers.Any(m => CanMatch(m, type)))
        {
            return;
        }

        var written = string.Join(", ", condition.Matchers.Select(m => m.ToString()));
        var message = type switch
        {
            "object" => $"{condition.Path} is an object in {whose}, and a value list matches only plain values, never an object; match the fields inside it instead",
            "boolean" => $"{condition.Path} is a boolean in {whose}; {written} never matches it (write true or false without quotes)",
            "number" => $"{condition.Path} is a number in {whose}; {written} never matches it (write numbers without quotes, or use \"numeric\")",
            _ => $"{condition.Path} is a string in {whose}; {written} never matches it (write the value in quotes)",
        };
        issues.Add(PatternIssueKind.NeverMatches, condition.ValueList, message);
    }

    /// <summary>The JSON type every matchable event gives the path, and a phrase naming those events.</summary>
    private static (string? Type, string Whose) ExpectedType(string path, PatternScope scope, EventSourceCatalog catalog)
    {
        if (catalog.Envelope.TryGetValue(path, out var envelopeType))
        {
            return (envelopeType, "every event");
        }

        var specs = scope.SpecsOf(path);
        var types = specs?.Select(s => s.Type).Distinct().ToList();
        return types is [{ } single] ? (single == "host" ? "string" : single, EventPhrases.Events(scope)) : (null, string.Empty);
    }

    /// <summary>Whether a matcher can accept some value of the JSON type.</summary>
    public static bool CanMatch(ValueMatcher matcher, string type)
    {
        if (matcher.Kind is MatcherKind.Exists or MatcherKind.AnythingBut or MatcherKind.AnythingButPrefix or MatcherKind.AnythingButSuffix
            or MatcherKind.AnythingButIgnoreCase or MatcherKind.AnythingButWildcard)
        {
            return type != "object";
        }

        return type switch
        {
            "number" => matcher.Kind is MatcherKind.NumericEquals or MatcherKind.NumericRange
                        || matcher is ExactLiteralMatcher { LiteralKind: Events.LeafKind.Number },
            "boolean" => matcher is ExactLiteralMatcher { LiteralKind: Events.LeafKind.True or Events.LeafKind.False },
            "object" => false,
            _ => matcher.Kind is not (MatcherKind.ExactLiteral or MatcherKind.NumericEquals or MatcherKind.NumericRange),
        };
    }

    private static void CheckObjectPath(Condition condition, SubRule rule, PatternIssueList issues)
    {
        if (condition.AllowsAbsence)
        {
            return;
        }

        var prefix = condition.Path + ".";
        var inner = rule.Conditions.FirstOrDefault(c => c.Path.StartsWith(prefix, StringComparison.Ordinal));
        if (inner is not null)
        {
            issues.Add(PatternIssueKind.NeverMatches, condition.ValueList, $"{condition.Path} must hold a plain value here, but the same pattern also matches {inner.Path}, so it is an object; a value list (exists:true included) never matches an object");
        }
    }

    private static void CheckResources(PatternScope scope, EventSourceCatalog catalog, PatternIssueList issues)
    {
        if (!catalog.CloudTrail.ResourcesUsuallyEmpty || scope.Field("resources") is not { AllowsAbsence: false } resources
            || scope.Field("detail-type") is not { } detailType)
        {
            return;
        }

        var onlyApiCalls = PatternScope.AcceptsString(detailType, "AWS API Call via CloudTrail")
                           && !catalog.Sources.Values.SelectMany(catalog.DetailTypesOf).Distinct()
                               .Any(d => d != "AWS API Call via CloudTrail" && PatternScope.AcceptsString(detailType, d));
        if (onlyApiCalls)
        {
            issues.Add(PatternIssueKind.NeverMatches, resources.ValueList, "CloudTrail API-call events carry an empty resources list, so a value list on resources almost never matches; match fields under detail (for example detail.requestParameters) instead");
        }
    }
}
