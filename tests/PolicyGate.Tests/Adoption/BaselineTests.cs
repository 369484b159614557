using System.Text.Json;
using PolicyGate.Pipeline;
using PolicyGate.Tests.Cli;
using PolicyGate.Tests.Reporting;

namespace PolicyGate.Tests.Adoption;

public class BaselineTests
{
    private const string Policy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "allow",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::reports/*"
            }
          ]
        }
        """;

    private const string OtherPolicy = """
        {"Version": "2012-10-18", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}
        """;

    private static List<JsonElement> Findings(CliRunner.Result result) =>
        JsonDocument.Parse(result.StdoutBytes).RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToList();

    [Fact]
    public void Shifted_lines_and_unrelated_edits_keep_old_findings_unchanged_and_a_new_one_is_new()
    {
        using var dir = new TestDirectory();
        dir.Write("iam/reports.json", Policy);
        dir.Write("iam/queue.json", OtherPolicy);
        var written = CliRunner.Run(dir.Root, "baseline", "-o", "ci/baseline.sarif");
        written.ExitCode.ShouldBe(0, written.Stderr);
        written.Stderr.ShouldContain("wrote the baseline ci/baseline.sarif with 2 findings");

        // Lines shift (a statement inserted above, re-indentation), another file changes elsewhere, and one
        // new mistake appears.
        dir.Write("iam/reports.json", """
            {
                "Version": "2012-10-17",

                "Statement": [
                    {
                        "Sid": "ListFirst",
                        "Effect": "Allow",
                        "Action": "s3:ListBucket",
                        "Resource": "arn:aws:s3:::reports"
                    },
                    {
                        "Effect": "allow",
                        "Action": "s3:GetObject",
                        "Resource": "arn:aws:s3:::reports/*"
                    },
                    {
                        "Effect": "Deny",
                        "Action": "s3:DeleteObject",
                        "NotAction": "s3:PutObject",
                        "Resource": "*"
                    }
                ]
            }
            """);
        dir.Write("iam/queue.json", OtherPolicy.Replace("sqs:SendMessage", "sqs:ReceiveMessage"));
        dir.Write("iam/unrelated.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]}""");

        var scan = CliRunner.Run(dir.Root, "scan", "--baseline", "ci/baseline.sarif", "--format", "json");
        var findings = Findings(scan);
        findings.Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("startLine").GetInt32(), f.GetProperty("baselineState").GetString()))
            .OrderBy(f => f.Item1).ToList()
            .ShouldBe([("PG2002", 12, "unchanged"), ("PG2003", 19, "new"), ("PG2005", 1, "unchanged")]);
        scan.ExitCode.ShouldBe(ExitCodes.Findings, "the new error blocks");
        scan.Stderr.ShouldContain("baseline: 1 new, 2 unchanged");
    }

    [Fact]
    public void Only_known_findings_exit_0_and_sarif_carries_baseline_states()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", Policy);
        CliRunner.Run(dir.Root, "baseline").ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(dir.Root, "policygate-baseline.sarif")).ShouldBeTrue();
        dir.Write("p.json", "\n\n" + Policy);

        var scan = CliRunner.Run(dir.Root, "scan", "--baseline", "policygate-baseline.sarif", "--format", "sarif");
        scan.ExitCode.ShouldBe(0, scan.Stderr);
        var result = JsonDocument.Parse(scan.StdoutBytes).RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        result.GetProperty("baselineState").GetString().ShouldBe("unchanged");
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(7);
    }

    [Fact]
    public void The_configured_baseline_applies_without_the_option()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", Policy);
        dir.Write("policygate.yaml", "baseline: .policygate/baseline.sarif\n");
        var written = CliRunner.Run(dir.Root, "baseline");
        written.ExitCode.ShouldBe(0, written.Stderr);
        File.Exists(Path.Combine(dir.Root, ".policygate", "baseline.sarif")).ShouldBeTrue();
        var scan = CliRunner.Run(dir.Root, "scan");
        scan.ExitCode.ShouldBe(0, scan.Stdout);
        scan.Stdout.ShouldContain("(in the baseline)");
    }

    [Fact]
    public void Two_identical_mistakes_are_told_apart_so_a_third_is_new()
    {
        using var dir = new TestDirectory();
        const string twice = """{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "allow", "Action": "s3:PutObject", "Resource": "*"}]}""";
        dir.Write("p.json", twice.Replace("}, {", "},\n{"));
        CliRunner.Run(dir.Root, "baseline").ExitCode.ShouldBe(0);
        dir.Write("p.json", twice.Replace("}, {", "},\n{").Replace("]}", ",\n{\"Effect\": \"allow\", \"Action\": \"s3:DeleteObject\", \"Resource\": \"*\"}]}"));
        var findings = Findings(CliRunner.Run(dir.Root, "scan", "--baseline", "policygate-baseline.sarif", "--format", "json"));
        findings.Select(f => f.GetProperty("baselineState").GetString()).ShouldBe(["unchanged", "unchanged", "new"]);
        findings.Select(f => f.GetProperty("fingerprint").GetString()!.Split(':')[1]).ShouldBe(["1", "2", "3"]);
    }

    [Theory]
    [InlineData("missing.sarif", null, "cannot read the baseline missing.sarif")]
    [InlineData("b.sarif", "{not json", "the baseline b.sarif is not JSON")]
    [InlineData("b.sarif", "[1, 2]", "is not a SARIF log")]
    [InlineData("b.sarif", """{"runs": [{"tool": {"driver": {"name": "cfn-lint"}}, "results": []}]}""", "holds no PolicyGate run")]
    [InlineData("b.sarif", """{"runs": [{"tool": {"driver": {"name": "PolicyGate"}}, "results": [{"ruleId": "PG2002"}]}]}""", "carry no \"policygate/v1\" fingerprints")]
    public void An_unusable_baseline_is_a_usage_error(string name, string? content, string message)
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", Policy);
        if (content is not null)
        {
            dir.Write(name, content);
        }

        var scan = CliRunner.Run(dir.Root, "scan", "--baseline", name);
        scan.ExitCode.ShouldBe(ExitCodes.UsageError);
        scan.Stderr.ShouldContain(message);
    }

    [Fact]
    public void A_deeply_nested_baseline_is_refused_not_a_crash()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", Policy);
        dir.Write("b.sarif", new string('[', 100_000) + new string(']', 100_000));
        var scan = CliRunner.Run(dir.Root, "scan", "--baseline", "b.sarif");
        scan.ExitCode.ShouldBe(ExitCodes.UsageError);
        scan.Stderr.ShouldContain("is not JSON");
    }

    [Fact]
    public void Suppressed_findings_are_left_out_by_default_and_included_on_request_as_valid_sarif_suppressions()
    {
        using var dir = new TestDirectory();
        dir.Write("legacy/p.json", Policy);
        dir.Write("policygate.yaml", "suppressions:\n  - rule: PG2002\n    path: legacy/**\n    reason: \"legacy account, removed in Q1\"\n");

        var plain = CliRunner.Run(dir.Root, "scan", "--format", "sarif");
        plain.ExitCode.ShouldBe(0, plain.Stderr);
        JsonDocument.Parse(plain.StdoutBytes).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBe(0);
        plain.Stderr.ShouldContain("0 findings: 0 errors, 0 warnings, 0 notes; 1 suppressed");

        var included = CliRunner.Run(dir.Root, "scan", "--format", "sarif", "--include-suppressed");
        included.ExitCode.ShouldBe(0, "a suppressed finding never blocks");
        var suppression = JsonDocument.Parse(included.StdoutBytes).RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("suppressions")[0];
        suppression.GetProperty("kind").GetString().ShouldBe("external");
        suppression.GetProperty("status").GetString().ShouldBe("accepted");
        suppression.GetProperty("justification").GetString().ShouldBe("legacy account, removed in Q1");
        suppression.GetProperty("location").GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("policygate.yaml");

        var text = CliRunner.Run(dir.Root, "scan", "--include-suppressed");
        text.Stdout.ShouldContain("error PG2002 Effect \"allow\" must be written \"Allow\" (values are case-sensitive) (suppressed: legacy account, removed in Q1)");
    }

    [Fact]
    public void An_expired_suppression_is_reported_and_the_finding_blocks_again()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", Policy);
        dir.Write("policygate.yaml", "suppressions:\n  - rule: PG2002\n    reason: temporary\n    expires: 2020-01-31\n");
        var scan = CliRunner.Run(dir.Root, "scan");
        scan.ExitCode.ShouldBe(ExitCodes.Findings);
        scan.Stdout.ShouldContain("policygate.yaml:2:5: warning PG9200 the suppression of PG2002 in every file expired on 2020-01-31");
        scan.Stdout.ShouldContain("error PG2002");
    }

    [RequiresSharedFact("tools/sarif/validate")]
    public async Task Sarif_with_suppressions_fingerprints_and_baseline_states_passes_the_official_validator()
    {
        using var dir = new TestDirectory();
        dir.Write("legacy/p.json", Policy);
        dir.Write("q.json", OtherPolicy);
        dir.Write("policygate.yaml", "suppressions:\n  - rule: PG2002\n    path: legacy/**\n    reason: accepted\n");
        CliRunner.Run(dir.Root, "baseline").ExitCode.ShouldBe(0);
        var scan = CliRunner.Run(dir.Root, "scan", "--format", "sarif", "--include-suppressed", "--baseline", "policygate-baseline.sarif");
        scan.Stdout.ShouldContain("\"suppressions\"");
        scan.Stdout.ShouldContain("\"baselineState\": \"unchanged\"");
        await SarifValidation.AssertValid(scan.StdoutBytes);
    }
}
