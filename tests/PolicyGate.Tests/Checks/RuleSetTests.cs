using PolicyGate.Checks;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Pipeline;

namespace PolicyGate.Tests.Checks;

public class RuleSetTests
{
    private sealed class ThrowingRule : IRule<PolicySubject>
    {
        public RuleDescriptor Descriptor { get; } = new("PG2999", "AlwaysThrows", RuleArea.PolicyValidation, FindingLevel.Error, "Test rule that throws.", "Test rule that throws.", new RuleHelp("x", "a", "b"));

        public void Check(PolicySubject subject, CheckContext context) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void A_rule_that_throws_becomes_a_tool_error_and_the_scan_exits_3()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}""");
        var catalog = RuleCatalog.Create([new ThrowingRule(), .. RuleCatalog.BuiltIn.Rules]);
        var outcome = ScanPipeline.Default.Run(new ScanRequest { Paths = ["."], WorkingDirectory = dir.Root, Catalog = catalog });
        var finding = outcome.Report!.Findings.ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("PG9002");
        finding.Message.ShouldContain("PG2999 (AlwaysThrows) failed on this file: InvalidOperationException: boom");
        finding.Location.Path.ShouldBe("p.json");
        ExitCodes.ForScan(outcome.Report, "error").ShouldBe(ExitCodes.ToolFailure);
    }

    [Fact]
    public void Rules_turned_off_do_not_run()
    {
        var settings = RuleSettings.Default.With("PG2999", null);
        var set = new RuleSet([new ThrowingRule()], settings);
        set.For<PolicySubject>().ShouldBeEmpty();
    }

    [Fact]
    public void Settings_match_access_analyzer_issue_codes_too()
    {
        var rule = new RuleDescriptor("PG2998", "Coded", RuleArea.PolicyValidation, FindingLevel.Error, "Coded rule.", "Coded rule.", new RuleHelp("x", "a", "b")) { AccessAnalyzerIssueCode = "SOME_CODE" };
        RuleSettings.Default.With("some_code", FindingLevel.Note).LevelOf(rule).ShouldBe(FindingLevel.Note);
        RuleSettings.Default.With("PG2998", null).With("SOME_CODE", FindingLevel.Note).LevelOf(rule).ShouldBeNull("the rule id wins over the issue code");
        var sink = new FindingSink(RuleSettings.Default);
        sink.Report(rule, new SourceLocation("p.json", SourceSpan.FileStart), "m");
        sink.Findings.ShouldHaveSingleItem().Properties["issueCode"].ShouldBe("SOME_CODE");
    }

    [Fact]
    public void Duplicate_rule_ids_are_refused()
    {
        Should.Throw<InvalidOperationException>(() => RuleCatalog.Create([new ThrowingRule(), new ThrowingRule()]));
    }

    [Fact]
    public void Rule_ids_must_follow_the_pattern()
    {
        Should.Throw<ArgumentException>(() => new RuleDescriptor("PG12", "X", RuleArea.Tool, FindingLevel.Note, "s", "f", new RuleHelp("x", "a", "b")));
    }
}
