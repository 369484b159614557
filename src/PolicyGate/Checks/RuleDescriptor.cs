using System.Text.RegularExpressions;

namespace PolicyGate.Checks;

/// <summary>
/// Everything there is to know about a rule except how it checks: its stable id, names, texts, help with a
/// bad and a good example, default level and, for security rules, a severity score. It maps one-to-one onto
/// a SARIF reportingDescriptor and onto a section of docs/rules.md.
/// </summary>
public sealed partial record RuleDescriptor
{
    public RuleDescriptor(
        string id,
        string name,
        RuleArea area,
        FindingLevel defaultLevel,
        string shortDescription,
        string fullDescription,
        RuleHelp help)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"rule id {id} is not PG followed by four digits", nameof(id));
        }

        Id = id;
        Name = name;
        Area = area;
        DefaultLevel = defaultLevel;
        ShortDescription = shortDescription;
        FullDescription = fullDescription;
        Help = help;
    }

    /// <summary><c>PG</c> and four digits; never changes once released.</summary>
    public string Id { get; }

    /// <summary>PascalCase name, for example <c>DuplicateKey</c>.</summary>
    public string Name { get; }

    public RuleArea Area { get; }

    public FindingLevel DefaultLevel { get; }

    /// <summary>One sentence.</summary>
    public string ShortDescription { get; }

    public string FullDescription { get; }

    public RuleHelp Help { get; }

    /// <summary>A CVSS-like score in "0.1".."10.0" for security rules (GitHub's security-severity); null otherwise.</summary>
    public string? SecuritySeverity { get; init; }

    /// <summary>The IAM Access Analyzer ValidatePolicy issue code this rule is the offline twin of, if any.</summary>
    public string? AccessAnalyzerIssueCode { get; init; }

    /// <summary>Extra tags for filtering (GitHub shows up to ten; "security" is added for security rules).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> AllTags =>
        SecuritySeverity is null || Tags.Contains("security") ? Tags : ["security", .. Tags];

    [GeneratedRegex("^PG[0-9]{4}$")]
    private static partial Regex IdPattern();
}

/// <summary>Help text: why it matters, then a bad and a good example (code blocks in the given language).</summary>
public sealed record RuleHelp(string Explanation, string BadExample, string GoodExample, string ExampleLanguage = "json")
{
    public string ToMarkdown() =>
        $"{Explanation}\n\n**Bad**\n\n```{ExampleLanguage}\n{BadExample.TrimEnd()}\n```\n\n**Good**\n\n```{ExampleLanguage}\n{GoodExample.TrimEnd()}\n```\n";

    public string ToText() =>
        $"{Explanation}\n\nBad:\n{Indent(BadExample)}\n\nGood:\n{Indent(GoodExample)}\n";

    private static string Indent(string text) =>
        string.Join('\n', text.TrimEnd().Split('\n').Select(l => "    " + l));
}
