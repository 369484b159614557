using PolicyGate.Checks;
using PolicyGate.Checks.Adoption;
using PolicyGate.Documents;
using PolicyGate.Reporting;
using static PolicyGate.Tests.Reporting.ReportTestKit;

namespace PolicyGate.Tests.Adoption;

public class SuppressionStageTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly SourceLocation ConfigEntry = new("policygate.yaml", new SourceSpan(3, 5, 6, 1));

    private static Suppression External(string rule, string? path = null, string? logicalId = null, DateOnly? expires = null) =>
        new(SuppressionKind.External, rule, "accepted risk", ConfigEntry) { PathGlob = path, LogicalId = logicalId, Expires = expires };

    private static IReadOnlyList<Finding> Apply(IEnumerable<Suppression> suppressions, params Finding[] findings) =>
        new SuppressionStage(suppressions, Today).Apply(findings);

    [Fact]
    public void A_rule_and_path_glob_suppress_matching_findings_only()
    {
        var result = Apply([External("PG2002", "legacy/**")], Finding(ErrorRule, "legacy/a/p.json", 1), Finding(ErrorRule, "infra/p.json", 1), Finding(WarningRule, "legacy/b.json", 1));
        result.Single(f => f.Location.Path == "legacy/a/p.json").SuppressedBy!.Reason.ShouldBe("accepted risk");
        result.Single(f => f.Location.Path == "infra/p.json").SuppressedBy.ShouldBeNull();
        result.Single(f => f.Location.Path == "legacy/b.json").SuppressedBy.ShouldBeNull("another rule");
    }

    [Theory]
    [InlineData("SOME_CODE")]
    [InlineData("some_code")]
    [InlineData("pg2099")]
    public void Rules_are_named_by_id_or_access_analyzer_issue_code_in_any_case(string rule)
    {
        Apply([External(rule)], Finding(NoteRule, "a.json", 1)).Single().SuppressedBy.ShouldNotBeNull();
    }

    [Fact]
    public void A_logical_id_limits_the_suppression_to_findings_about_that_resource()
    {
        var role = Finding(ErrorRule, "t.yaml", 5).WithProperty(FindingProperties.LogicalId, "DeployRole");
        var other = Finding(ErrorRule, "t.yaml", 9).WithProperty(FindingProperties.LogicalId, "OtherRole");
        var none = Finding(ErrorRule, "p.json", 1);
        var result = Apply([External("PG2002", logicalId: "DeployRole")], role, other, none);
        result.Count(f => f.SuppressedBy is not null).ShouldBe(1);
        result.Single(f => f.SuppressedBy is not null).Location.Span.StartLine.ShouldBe(5);
    }

    [Fact]
    public void An_expired_suppression_stops_suppressing_and_is_reported_where_it_is_written()
    {
        var result = Apply([External("PG2002", expires: new DateOnly(2026, 11, 21))], Finding(ErrorRule, "a.json", 1));
        result.Single(f => f.Rule == ErrorRule).SuppressedBy.ShouldBeNull();
        var expired = result.Single(f => f.Rule == AdoptionNotifications.ExpiredSuppression);
        expired.Location.ShouldBe(ConfigEntry);
        expired.Level.ShouldBe(FindingLevel.Warning);
        expired.Message.ShouldBe("the suppression of PG2002 in every file expired on 2026-11-21 (reason given: \"accepted risk\"); the findings it covered are reported again");
    }

    [Fact]
    public void A_suppression_applies_through_its_expiry_day()
    {
        var result = Apply([External("PG2002", expires: Today)], Finding(ErrorRule, "a.json", 1));
        result.ShouldHaveSingleItem().SuppressedBy.ShouldNotBeNull();
    }

    [Fact]
    public void In_source_suppressions_cover_their_span_in_their_own_file_and_win_over_external_ones()
    {
        var inSource = new Suppression(SuppressionKind.InSource, "PG2002", "bucket is public by design", new SourceLocation("t.yaml", new SourceSpan(4, 9, 4, 15)))
        {
            Scope = new SourceSpan(3, 3, 20, 1),
        };
        var inside = Finding(ErrorRule, "t.yaml", 10);
        var outside = Finding(ErrorRule, "t.yaml", 25);
        var elsewhere = Finding(ErrorRule, "u.yaml", 10);
        var result = Apply([External("PG2002", "t.yaml"), inSource], inside, outside, elsewhere);

        result.Single(f => f.Location.Path == "t.yaml" && f.Location.Span.StartLine == 10).SuppressedBy!.Kind.ShouldBe(SuppressionKind.InSource);
        result.Single(f => f.Location.Path == "t.yaml" && f.Location.Span.StartLine == 25).SuppressedBy!.Kind.ShouldBe(SuppressionKind.External);
        result.Single(f => f.Location.Path == "u.yaml").SuppressedBy.ShouldBeNull();
    }

    [Fact]
    public void Notifications_about_suppressions_cannot_be_suppressed()
    {
        var result = Apply([External("PG2002", expires: new DateOnly(2020, 1, 1)), External("PG9200")], Finding(ErrorRule, "a.json", 1));
        result.Single(f => f.Rule == AdoptionNotifications.ExpiredSuppression).SuppressedBy.ShouldBeNull();
    }
}
