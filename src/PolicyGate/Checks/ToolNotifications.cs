namespace PolicyGate.Checks;

/// <summary>
/// Notifications about the run itself rather than about the code scanned. The pipeline reports these; they
/// have no check class of their own.
/// </summary>
public static class ToolNotifications
{
    public static readonly RuleDescriptor RuleFailed = new(
        "PG9002",
        "RuleFailed",
        RuleArea.Tool,
        FindingLevel.Error,
        "A rule failed while checking a file.",
        "A rule stopped with an internal error on this file, so the file was only partly checked. This is a bug in PolicyGate; the run ends with exit code 3.",
        new RuleHelp(
            "Report the message and, if you can, the file to the PolicyGate maintainers. Other rules and other files were still checked.",
            "rule PG2001 failed on this file: InvalidCastException: ...",
            "(no finding)",
            "text"));

    public static IEnumerable<RuleDescriptor> All => [RuleFailed, .. CustomPolicyChecks.EngineNotifications.All, .. Adoption.AdoptionNotifications.All];
}
