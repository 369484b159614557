namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>Notifications about the check engines: an engine that could not answer makes the run incomplete (exit code 3).</summary>
public static class EngineNotifications
{
    public static readonly RuleDescriptor EngineUnavailable = new(
        "PG9100",
        "PolicyCheckEngineUnavailable",
        RuleArea.Tool,
        FindingLevel.Error,
        "A custom policy check could not be run.",
        "The engine could not answer a check for this policy (with the AWS engine: Access Analyzer unreachable, credentials that stopped resolving, throttling that outlasted the retries, or the --max-aws-calls budget spent). The policy is not proven safe, and the run ends with exit code 3.",
        new RuleHelp(
            "Run again, raise --max-aws-calls, check the credentials and network, or use --engine local, which needs neither.",
            "CheckNoNewAccess could not be run with the aws engine, so this policy is not proven safe: Access Analyzer answered 503 after 4 attempts",
            "(no finding)",
            "text"));

    public static IEnumerable<RuleDescriptor> All => [EngineUnavailable];
}
