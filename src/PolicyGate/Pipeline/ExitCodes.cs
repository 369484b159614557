using PolicyGate.Checks;

namespace PolicyGate.Pipeline;

/// <summary>The exit codes of DESIGN.md.</summary>
public static class ExitCodes
{
    /// <summary>No blocking finding (PASS, match).</summary>
    public const int Success = 0;

    /// <summary>Blocking findings (FAIL, no match).</summary>
    public const int Findings = 1;

    /// <summary>Usage, configuration or input error.</summary>
    public const int UsageError = 2;

    /// <summary>The tool could not complete.</summary>
    public const int ToolFailure = 3;

    /// <summary>
    /// The exit code of a scan: 3 when a rule failed or a check engine could not answer (the scan is incomplete), else 1 when a finding is at or
    /// above the fail-on level, else 0. "never" never fails on findings. Suppressed findings and findings
    /// already in the baseline never fail the run.
    /// </summary>
    public static int ForScan(ScanReport report, string failOn)
    {
        if (report.Findings.Any(f => f.Rule == ToolNotifications.RuleFailed || f.Rule == Checks.CustomPolicyChecks.EngineNotifications.EngineUnavailable))
        {
            return ToolFailure;
        }

        if (failOn == "never" || !FindingLevels.TryParse(failOn, out var threshold))
        {
            return Success;
        }

        return report.Findings.Any(f => f.IsBlockingCandidate && f.Level >= threshold) ? Findings : Success;
    }
}
