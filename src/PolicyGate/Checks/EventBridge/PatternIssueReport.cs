using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

/// <summary>Reports the issues a knowledge-based check finds in a subject's pattern (valid patterns only; PG4000 reports the rest).</summary>
internal static class PatternIssueReport
{
    public static void Run(RuleDescriptor rule, EventPatternSubject subject, CheckContext context, Func<CompiledPattern, EventSourceCatalog, IEnumerable<PatternIssue>> find)
    {
        if (PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern)
        {
            return;
        }

        foreach (var issue in find(pattern, EventSourceCatalog.BuiltIn))
        {
            context.Report(rule, issue.Node, issue.Message);
        }
    }
}
