using PolicyGate.AccessAnalyzer;
using PolicyGate.Pipeline;
using PolicyGate.Reasoning.Checks;

namespace PolicyGate.Cli;

/// <summary>
/// How a policy check that could not answer ends a command: one line on standard error and the exit code of
/// DESIGN.md. Input the engines refuse is a usage error (2); an engine that could not complete, or a
/// counterexample that failed its re-check, is a tool failure (3): never a PASS.
/// </summary>
public static class CheckFailures
{
    /// <summary>True (with the exit code, after writing the message) for the failures engines are documented to throw.</summary>
    public static bool TryReport(Exception exception, TextWriter error, out int exitCode)
    {
        switch (exception)
        {
            case PolicyCheckUnavailableException unavailable:
                error.WriteLine($"policygate: the check could not be completed: {OneLine(unavailable.Message)}");
                exitCode = ExitCodes.ToolFailure;
                return true;
            case SelfCheckFailedException selfCheck:
                error.WriteLine($"policygate: internal error: counterexample failed its re-check; please report ({OneLine(selfCheck.Message)})");
                exitCode = ExitCodes.ToolFailure;
                return true;
            case ArgumentException invalid:
                error.WriteLine($"policygate: {OneLine(invalid.Message)}");
                exitCode = ExitCodes.UsageError;
                return true;
            default:
                exitCode = 0;
                return false;
        }
    }

    private static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
