using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Events;

namespace PolicyGate.Tests.EventBridge;

/// <summary>
/// The seeds' patterns and sample events (kept in examples/policies) give the matches the seed texts
/// describe: Access Analyzer findings and previews (seed 000), IAM change alerts (seed 004) and
/// Identity Center sign-ins across the January 2025 change (seed 002).
/// </summary>
public class SeedAcceptanceTests
{
    private static readonly string[] AccessAnalyzerEvents =
    [
        "access-analyzer-finding-external-access", "access-analyzer-finding-error", "unused-access-finding", "unused-access-finding-error",
        "access-preview-creating", "access-preview-completed", "access-preview-failed",
    ];

    private static CompiledPattern PatternFile(string name)
    {
        var path = RepositoryPaths.InRepo("examples", "policies", "patterns", name);
        var loaded = new DocumentLoader(LoadLimits.Default).Load(path, name);
        loaded.Diagnostics.ShouldBeEmpty();
        var compilation = PatternCompiler.Compile(loaded.Documents.ShouldHaveSingleItem());
        compilation.Errors.ShouldBeEmpty();
        return compilation.Pattern!;
    }

    private static EventDocument Event(string name)
    {
        var path = RepositoryPaths.InRepo("examples", "policies", "events", name + ".json");
        var loaded = new DocumentLoader(LoadLimits.Default).Load(path, name);
        var root = loaded.Documents.ShouldHaveSingleItem();
        TestEventRequirements.Check(root).ShouldBeNull($"{name} must be an event TestEventPattern accepts");
        return EventDocument.From(root)!;
    }

    private static string[] Matched(string pattern, IEnumerable<string> events)
    {
        var compiled = PatternFile(pattern);
        return events.Where(e => compiled.Matches(Event(e))).ToArray();
    }

    [Fact]
    public void The_source_pattern_matches_every_access_analyzer_event() =>
        Matched("access-analyzer-all.json", AccessAnalyzerEvents).ShouldBe(AccessAnalyzerEvents);

    [Fact]
    public void The_finding_pattern_matches_external_access_and_error_findings_only() =>
        Matched("access-analyzer-findings.json", AccessAnalyzerEvents).ShouldBe(["access-analyzer-finding-external-access", "access-analyzer-finding-error"]);

    [Fact]
    public void The_unused_access_pattern_matches_unused_access_findings_only() =>
        Matched("unused-access-findings.json", AccessAnalyzerEvents).ShouldBe(["unused-access-finding", "unused-access-finding-error"]);

    [Fact]
    public void The_access_preview_pattern_matches_the_three_preview_events() =>
        Matched("access-previews.json", AccessAnalyzerEvents).ShouldBe(["access-preview-creating", "access-preview-completed", "access-preview-failed"]);

    [Fact]
    public void The_active_status_rule_matches_the_external_access_and_error_findings_not_the_unused_access_finding() =>
        Matched("active-findings.json", AccessAnalyzerEvents).ShouldBe(["access-analyzer-finding-external-access", "access-analyzer-finding-error"]);

    [Fact]
    public void The_completed_preview_rule_matches_the_completed_preview_only() =>
        Matched("completed-previews.json", AccessAnalyzerEvents).ShouldBe(["access-preview-completed"]);

    [Fact]
    public void The_prefix_iam_alert_matches_changes_and_not_reads_while_the_literal_star_alert_matches_nothing()
    {
        string[] iam = ["iam-put-role-policy", "iam-create-user", "iam-get-user"];
        Matched("iam-changes.json", iam).ShouldBe(["iam-put-role-policy", "iam-create-user"]);
        Matched("iam-changes-legacy.json", iam).ShouldBeEmpty();
    }

    [Fact]
    public void Identity_center_sign_in_alerts_on_the_old_fields_miss_2025_events()
    {
        string[] signIns = ["identity-center-credential-challenge-2024", "identity-center-credential-challenge-2025"];
        Matched("identity-center-sign-ins-legacy.yaml", signIns).ShouldBe(["identity-center-credential-challenge-2024"]);
        Matched("identity-center-sign-ins.yaml", signIns).ShouldBe(signIns);
    }

    [Fact]
    public void The_seed_sample_events_are_as_published()
    {
        // Raw number text is kept: the unused-access counts are JSON numbers, not strings.
        var e = Event("unused-access-finding");
        e.LeavesAt("detail.numberOfUnusedActions").ShouldHaveSingleItem().Kind.ShouldBe(LeafKind.Number);
        e.LeavesAt("detail.status").ShouldHaveSingleItem().Text.ShouldBe("ACTIVE");
        Event("access-analyzer-finding-error").LeavesAt("detail.error").ShouldHaveSingleItem().Text.ShouldBe("ACCESS_DENIED");
    }
}
