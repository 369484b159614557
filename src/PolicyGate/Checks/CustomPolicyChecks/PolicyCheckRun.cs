using PolicyGate.AccessAnalyzer;
using PolicyGate.Reasoning;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>
/// Runs one custom check on one scanned policy and turns the answer into findings: one per reason, at the
/// statement it names, worded by <paramref name="describe"/>. An engine that cannot answer gives a PG9100 tool
/// error (exit code 3), never a PASS; input the engine rejects (a policy it cannot read) is a FAIL "could not
/// check", since nothing was proven. A counterexample that fails its re-check is a bug and propagates.
/// </summary>
public static class PolicyCheckRun
{
    public static void Run(
        CheckContext context,
        RuleDescriptor rule,
        CheckedPolicy policy,
        string checkName,
        Func<IPolicyCheckEngine, Task<PolicyCheckResult>> check,
        Func<CheckReason, string> describe)
    {
        var engine = context.Engines.For(policy);
        PolicyCheckResult result;
        try
        {
            result = check(engine).GetAwaiter().GetResult();
        }
        catch (PolicyCheckUnavailableException ex)
        {
            context.Sink.Report(EngineNotifications.EngineUnavailable, policy.Subject.Document.Location, $"{checkName} could not be run with the {engine.Name} engine, so this policy is not proven safe: {ex.Message}");
            return;
        }
        catch (ArgumentException ex)
        {
            context.Sink.Report(rule, policy.Subject.Document.Location, $"{checkName} could not check this policy: {ex.Message}");
            return;
        }

        if (result.Result == CheckVerdict.Pass)
        {
            return;
        }

        if (result.Reasons.IsDefaultOrEmpty)
        {
            context.Sink.Report(rule, policy.Subject.Document.Location, $"{checkName}: {result.Message}");
            return;
        }

        foreach (var reason in result.Reasons)
        {
            context.Sink.Report(rule, policy.LocationOf(reason.StatementIndex), describe(reason));
        }
    }

    /// <summary>
    /// The reason in a reviewer's words: the local engine's explanation (what is granted, to whom, when), or
    /// Access Analyzer's own description with the statement named.
    /// </summary>
    public static string Words(CheckReason reason, string existingWords)
    {
        if (reason.Explanation is { } explanation)
        {
            return explanation.Replace("the existing policy", existingWords, StringComparison.Ordinal);
        }

        var statement = reason.StatementId is { Length: > 0 } sid ? $"statement \"{sid}\"" : reason.StatementIndex is { } index ? $"statement {index}" : "the policy";
        return $"{reason.Description.TrimEnd('.')} ({statement}; Access Analyzer gives no counterexample)";
    }
}
