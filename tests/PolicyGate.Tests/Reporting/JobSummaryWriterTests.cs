using System.Text;
using PolicyGate.Checks;
using PolicyGate.Reporting;
using static PolicyGate.Tests.Reporting.ReportTestKit;

namespace PolicyGate.Tests.Reporting;

public class JobSummaryWriterTests
{
    private static readonly RunFacts Facts = new(TimeSpan.FromMilliseconds(1234)) { BlobUrl = "https://github.com/o/r/blob/abc123/" };

    [Fact]
    public void The_summary_counts_by_rule_and_level_links_locations_and_names_engine_and_time()
    {
        var findings = new[]
        {
            Finding(ErrorRule, "iam/p.json", 6),
            Finding(ErrorRule, "iam/q.json", 2),
            Finding(WarningRule, "big file.json", 1),
            Finding(NoteRule, "iam/p.json", 9) with { Location = new("iam/p.json", new(9, 1, 12, 2)) },
        };
        var md = JobSummaryWriter.Render(Report(findings), Facts);

        md.ShouldStartWith("## PolicyGate: 2 errors, 1 warning, 1 note\n");
        md.ShouldContain("Engine: local. Time taken: 1.23 s.");
        md.ShouldContain("| PG2002 | InvalidEffect | 2 | 0 | 0 |");
        md.ShouldContain("| PG1004 | FileTooLarge | 0 | 1 | 0 |");
        md.ShouldContain("| error | PG2002 | [iam/p.json:6](https://github.com/o/r/blob/abc123/iam/p.json#L6) | problem |");
        md.ShouldContain("(https://github.com/o/r/blob/abc123/big%20file.json#L1)");
        md.ShouldContain("#L9-L12)");
        md.IndexOf("| error |", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("| warning |", StringComparison.Ordinal));
        md.IndexOf("| warning |", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("| note |", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_actions_environment_locations_are_plain_text()
    {
        RunFacts.BlobUrlFrom(_ => null).ShouldBeNull();
        RunFacts.BlobUrlFrom(name => name switch { "GITHUB_SERVER_URL" => "https://ghe.example/", "GITHUB_REPOSITORY" => "o/r", "GITHUB_SHA" => "f00", _ => null })
            .ShouldBe("https://ghe.example/o/r/blob/f00/");
        var md = JobSummaryWriter.Render(Report([Finding(ErrorRule, "a.json", 1)]), new RunFacts(TimeSpan.Zero));
        md.ShouldContain("| error | PG2002 | a.json:1 | problem |");
    }

    [Fact]
    public void A_clean_run_says_so()
    {
        var md = JobSummaryWriter.Render(Report([]), Facts);
        md.ShouldStartWith("## PolicyGate: no findings\n");
        md.ShouldNotContain("| Rule |");
    }

    [Fact]
    public void Text_from_files_cannot_add_html_markdown_or_break_the_table()
    {
        var md = JobSummaryWriter.Render(Report([Finding(ErrorRule, "a.json", 1, "<img src=x onerror=alert(1)> | [link](http://evil) **bold**\n# heading")]), Facts);
        md.ShouldNotContain("<img");
        md.ShouldContain("&lt;img src=x onerror=alert\\(1\\)&gt; \\| \\[link\\]\\(http://evil\\) \\*\\*bold\\*\\* \\# heading |");
    }

    [Fact]
    public void Thousands_of_long_findings_stay_far_below_githubs_one_mebibyte()
    {
        var message = new string('x', 100_000);
        var findings = Enumerable.Range(1, 10_000).Select(i => Finding(i % 2 == 0 ? ErrorRule : NoteRule, $"dir/{i}.json", i, message));
        var md = JobSummaryWriter.Render(Report(findings), Facts);

        Encoding.UTF8.GetByteCount(md).ShouldBeLessThan(JobSummaryWriter.MaxBytes + 1024);
        md.ShouldContain($"The {JobSummaryWriter.MaxListed} most severe of 10000 findings");
        md.ShouldContain("9950 more findings are in the SARIF report.");
        md.ShouldNotContain("| note |", customMessage: "the 50 listed are all errors: the worst come first");
    }

    [Fact]
    public void With_a_baseline_new_findings_are_counted_and_listed_before_known_ones()
    {
        var findings = new[]
        {
            Finding(ErrorRule, "a.json", 1) with { Baseline = BaselineState.Unchanged },
            Finding(ErrorRule, "b.json", 1) with { Baseline = BaselineState.New },
        };
        var md = JobSummaryWriter.Render(Report(findings, hasBaseline: true), Facts);
        md.ShouldContain("| Rule | Name | Errors | Warnings | Notes | New |");
        md.ShouldContain("| PG2002 | InvalidEffect | 2 | 0 | 0 | 1 |");
        md.IndexOf("error (new)", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("error (baseline)", StringComparison.Ordinal));
    }
}
