using System.Globalization;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Matching;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class EventPatternNearLimitRule : IRule<EventPatternSubject>
{
    /// <summary>EventBridge's default event-pattern size quota (adjustable up to 4096).</summary>
    public const int DefaultSizeQuota = 2048;

    public static readonly RuleDescriptor Rule = new(
        "PG4001",
        "EventPatternNearLimit",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "The event pattern is close to or above a limit that depends on the account or the way it is counted.",
        "Some limits are soft or counted in more than one way: the event pattern size quota is 2048 characters by default (it can be raised to 4096); the documentation counts $or combinations as the product of the branch counts, which can exceed 1000 while the compiled count does not; and wildcard values whose complexity is 8 to 10 are accepted today, while 11 is rejected.",
        new RuleHelp(
            "Shorten the pattern (split it into several rules), reduce nested $or branches, or use fewer wildcards and repeated text after them.",
            """{ "detail": { "path": [ { "wildcard": "*aa*aa*aa*" } ] } }""",
            """{ "detail": { "path": [ { "prefix": "aa" } ] } }"""))
    {
        Tags = ["eventbridge", "limits"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        var compilation = PatternCompiler.Compile(subject.Pattern);
        if (!compilation.IsValid)
        {
            return;
        }

        var measures = compilation.Measures;
        if (measures.CompactLength > DefaultSizeQuota)
        {
            context.Report(Rule, subject.Pattern, $"the pattern is {measures.CompactLength} characters without spaces, above EventBridge's default event-pattern size quota of {DefaultSizeQuota} (the quota can be raised to {PatternCompiler.MaxLength})");
        }

        if (measures.DocumentedCombinations > PatternCompiler.MaxCombinations)
        {
            context.Report(Rule, subject.Pattern, $"the $or arrays multiply to {measures.DocumentedCombinations.ToString("0", CultureInfo.InvariantCulture)} combinations, the way the EventBridge documentation counts them (limit {PatternCompiler.MaxCombinations}); the compiled count is {measures.Combinations}");
        }

        foreach (var (list, score) in measures.WildcardScores)
        {
            if (score >= WildcardComplexity.WarnAt && score < WildcardComplexity.RejectedAt)
            {
                context.Report(Rule, list, $"the wildcards here have complexity {score}; EventBridge rejects {WildcardComplexity.RejectedAt} and above (seen accepted: 7), so small changes can make the rule undeployable");
            }
        }
    }
}
