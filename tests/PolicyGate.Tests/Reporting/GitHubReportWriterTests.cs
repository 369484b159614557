using PolicyGate.Checks;
using PolicyGate.Reporting;
using static PolicyGate.Tests.Reporting.ReportTestKit;

namespace PolicyGate.Tests.Reporting;

public class GitHubReportWriterTests
{
    private static string[] Lines(string output) => output.TrimEnd('\n').Split('\n');

    [Fact]
    public void An_annotation_carries_file_lines_columns_and_title()
    {
        var annotation = GitHubReportWriter.Annotation(Finding(ErrorRule, "infra/a b,c.json", 6, "Effect \"allow\" must be written \"Allow\"", column: 17));
        annotation.ShouldBe("::error file=infra/a b%2Cc.json,line=6,endLine=6,col=17,endColumn=22,title=PG2002 InvalidEffect::Effect \"allow\" must be written \"Allow\"");
    }

    [Fact]
    public void Levels_map_to_error_warning_and_notice()
    {
        GitHubReportWriter.Annotation(Finding(WarningRule, "a.json", 1)).ShouldStartWith("::warning ");
        GitHubReportWriter.Annotation(Finding(NoteRule, "a.json", 1)).ShouldStartWith("::notice ");
    }

    [Fact]
    public void Most_severe_first_at_most_ten_per_level_and_a_closing_notice_counts_the_rest()
    {
        var findings = Enumerable.Range(1, 25).Select(i => Finding(ErrorRule, "e.json", i))
            .Concat(Enumerable.Range(1, 12).Select(i => Finding(WarningRule, "a.json", i)))
            .Concat(Enumerable.Range(1, 15).Select(i => Finding(NoteRule, "0.json", i)));
        var lines = Lines(Write(new GitHubReportWriter(), Report(findings)));

        lines.Count(l => l.StartsWith("::error ")).ShouldBe(10);
        lines.Count(l => l.StartsWith("::warning ")).ShouldBe(10);
        lines.Count(l => l.StartsWith("::notice ")).ShouldBe(10, "nine findings and the closing notice");
        lines.TakeWhile(l => l.StartsWith("::error ")).Count().ShouldBe(10, "errors come first although their file sorts last");
        lines[10].ShouldStartWith("::warning ");
        lines[0].ShouldContain("line=1,");
        var notice = lines[^2];
        notice.ShouldStartWith("::notice title=PolicyGate::");
        notice.ShouldContain("23 more findings are not annotated");
        notice.ShouldContain("job summary");
        lines[^1].ShouldBe("3 files scanned; 52 findings: 25 errors, 12 warnings, 15 notes");
    }

    [Fact]
    public void No_closing_notice_when_everything_fits()
    {
        var lines = Lines(Write(new GitHubReportWriter(), Report(Enumerable.Range(1, 10).Select(i => Finding(NoteRule, "n.json", i)))));
        lines.Count(l => l.StartsWith("::notice ")).ShouldBe(10);
        lines.ShouldNotContain(l => l.Contains("title=PolicyGate"));
    }

    [Fact]
    public void Findings_in_the_baseline_are_not_annotated_but_counted()
    {
        var findings = new[]
        {
            Finding(ErrorRule, "a.json", 1) with { Baseline = BaselineState.Unchanged },
            Finding(ErrorRule, "a.json", 2) with { Baseline = BaselineState.New },
        };
        var output = Write(new GitHubReportWriter(), Report(findings, hasBaseline: true));
        var lines = Lines(output);
        lines.Count(l => l.StartsWith("::error ")).ShouldBe(1);
        lines.ShouldContain(l => l.StartsWith("::error ") && l.Contains("line=2,"));
        output.ShouldContain("1 finding is already in the baseline");
        lines[^1].ShouldEndWith("; baseline: 1 new, 1 unchanged");
    }

    [Fact]
    public void A_message_that_tries_to_inject_a_command_stays_inside_its_annotation()
    {
        var finding = Finding(ErrorRule, "x.json", 3, "value \"a\n::error file=evil.json::pwned\r\n%0A\"");
        var lines = Lines(Write(new GitHubReportWriter(), Report([finding])));
        lines.Length.ShouldBe(2);
        lines[0].ShouldEndWith("::value \"a%0A::error file=evil.json::pwned%0D%0A%250A\"");
    }
}
