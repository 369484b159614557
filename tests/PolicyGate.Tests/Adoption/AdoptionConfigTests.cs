using PolicyGate.Checks;
using PolicyGate.Config;

namespace PolicyGate.Tests.Adoption;

public class AdoptionConfigTests
{
    private static ConfigLoadResult Load(string yaml, TestDirectory dir)
    {
        var path = dir.Write("policygate.yaml", yaml);
        return ConfigLoader.Load(path, "policygate.yaml");
    }

    [Fact]
    public void Suppressions_and_baseline_bind_with_their_locations()
    {
        using var dir = new TestDirectory();
        var result = Load("""
            baseline: ci/baseline.sarif
            suppressions:
              - rule: PG2002
                path: legacy/**
                logical-id: LegacyRole
                reason: "migration tracked in OPS-1234"
                expires: 2027-03-31
              - rule: PASS_ROLE_WITH_STAR_IN_RESOURCE
                reason: deploy role needs it
            """, dir);
        result.Errors.ShouldBeEmpty();
        var adoption = result.Config!.Adoption;
        adoption.BaselinePath.ShouldBe(Path.Combine(dir.Root, "ci", "baseline.sarif"));
        adoption.Suppressions.Length.ShouldBe(2);
        var first = adoption.Suppressions[0];
        first.Kind.ShouldBe(SuppressionKind.External);
        (first.Rule, first.PathGlob, first.LogicalId, first.Reason, first.Expires).ShouldBe(("PG2002", "legacy/**", "LegacyRole", "migration tracked in OPS-1234", new DateOnly(2027, 3, 31)));
        first.Origin.Path.ShouldBe("policygate.yaml");
        first.Origin.Span.StartLine.ShouldBe(3);
        adoption.Suppressions[1].PathGlob.ShouldBeNull();
        adoption.Suppressions[1].Expires.ShouldBeNull();
    }

    [Theory]
    [InlineData("suppressions:\n  - rule: PG2002\n", 2, "the required key \"reason\" is missing")]
    [InlineData("suppressions:\n  - rule: PG2002\n    reason: \"   \"\n", 3, "\"reason\" does not have the expected format")]
    [InlineData("suppressions:\n  - rule: PG2002\n    reason: r\n    expires: 2027-02-30\n", 4, "\"expires\" 2027-02-30 is not a date such as 2027-03-31")]
    [InlineData("suppressions:\n  - rule: PG2002\n    reason: r\n    expires: next week\n", 4, "\"expires\" does not have the expected format")]
    [InlineData("suppressions:\n  - rule: pg 2002\n    reason: r\n", 2, "\"rule\" does not have the expected format")]
    [InlineData("suppressions:\n  - rule: PG2002\n    reason: r\n    paths: legacy/**\n", 4, "unknown key \"paths\"")]
    [InlineData("baseline: 3\n", 1, "\"baseline\" must be a string")]
    public void Mistakes_are_reported_at_their_line(string yaml, int line, string message)
    {
        using var dir = new TestDirectory();
        var result = Load(yaml, dir);
        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Location.Span.StartLine == line && e.Message.StartsWith(message), string.Join("; ", result.Errors));
    }
}
