using PolicyGate.Documents;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.EventBridge;

/// <summary>Why an event does not match: a sentence, and the field that decided (null when array consistency did).</summary>
public sealed record NoMatchReason(string Message, Condition? Field);

/// <summary>Says in one sentence why an event does not match a pattern: the first field that fails, in the closest $or combination.</summary>
public static class MatchExplanation
{
    public static string WhyNot(CompiledPattern pattern, EventDocument e) => Explain(pattern, e).Message;

    public static NoMatchReason Explain(CompiledPattern pattern, EventDocument e)
    {
        SubRule? closest = null;
        List<Condition>? closestFailures = null;
        foreach (var rule in pattern.SubRules)
        {
            var failures = rule.Conditions.Where(c => !HoldsAlone(c, e)).OrderBy(c => c.ValueList.Span.Start).ToList();
            if (closestFailures is null || failures.Count < closestFailures.Count)
            {
                closest = rule;
                closestFailures = failures;
            }
        }

        if (closest is null || closestFailures is null)
        {
            return new NoMatchReason("the pattern has no fields", null);
        }

        var where = pattern.SubRules.Length > 1 ? $" (closest of the {pattern.SubRules.Length} $or combinations)" : string.Empty;
        if (closestFailures.Count == 0)
        {
            var arrays = closest.Conditions.Select(c => c.Path).ToList();
            return new NoMatchReason($"each field matches on its own, but not within one element of the event's arrays ({string.Join(", ", arrays)}); EventBridge never combines values from different array elements{where}", null);
        }

        return new NoMatchReason(Describe(closestFailures[0], e) + where, closestFailures[0]);
    }

    private static bool HoldsAlone(Condition condition, EventDocument e)
    {
        var leaves = e.LeavesAt(condition.Path);
        return leaves.Any(condition.Accepts) || (condition.AllowsAbsence && leaves.Length == 0);
    }

    private static string Describe(Condition condition, EventDocument e)
    {
        var leaves = e.LeavesAt(condition.Path);
        var wanted = JsonText.Short(condition.ValueList);
        if (leaves.Length == 0)
        {
            var prefix = condition.Path + ".";
            return e.Paths.Any(p => p.StartsWith(prefix, StringComparison.Ordinal))
                ? $"{condition.Path}: the event has an object there, but a value list matches only plain values; the pattern requires {wanted}"
                : $"{condition.Path}: the event has no such field; the pattern requires {wanted}";
        }

        var shown = string.Join(", ", leaves.Take(3).Select(l => l.Display)) + (leaves.Length > 3 ? $" (and {leaves.Length - 3} more)" : string.Empty);
        return condition.AllowsAbsence
            ? $"{condition.Path}: the event has {shown}; the pattern requires the field to be absent or {wanted}"
            : $"{condition.Path}: the event has {shown}; the pattern accepts {wanted}";
    }
}
