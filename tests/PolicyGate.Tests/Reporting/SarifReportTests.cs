using System.Diagnostics;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using PolicyGate.Reporting;
using PolicyGate.Tests.Cli;

namespace PolicyGate.Tests.Reporting;

public class SarifReportTests
{
    private static JsonElement ScanExamples(out byte[] bytes)
    {
        var result = CliRunner.Run(RepositoryPaths.Root, "scan", "examples/policies", "--format", "sarif");
        result.ExitCode.ShouldBe(1);
        bytes = result.StdoutBytes;
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    [Fact]
    public void Results_carry_rule_metadata_relative_uris_and_full_regions()
    {
        var sarif = ScanExamples(out _);
        sarif.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = sarif.GetProperty("runs").EnumerateArray().ShouldHaveSingleItem();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.ShouldAllBe(r => r.GetProperty("help").GetProperty("text").GetString()!.Length > 0);
        rules.ShouldAllBe(r => r.GetProperty("fullDescription").GetProperty("text").GetString()!.Length > 0);
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            rules[index].GetProperty("id").GetString().ShouldBe(result.GetProperty("ruleId").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            uri.ShouldStartWith("examples/policies/");
            var region = location.GetProperty("region");
            foreach (var key in new[] { "startLine", "startColumn", "endLine", "endColumn" })
            {
                region.GetProperty(key).GetInt32().ShouldBeGreaterThan(0);
            }

            var fingerprints = result.GetProperty("partialFingerprints");
            fingerprints.TryGetProperty("primaryLocationLineHash", out _).ShouldBeFalse("GitHub's own fingerprint is left to the uploader");
            fingerprints.GetProperty("policygate/v1").GetString()!.ShouldMatch("^[0-9a-f]{16}:[0-9]+$");
        }

        var effect = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "PG2002");
        var effectRegion = effect.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        (effectRegion.GetProperty("startLine").GetInt32(), effectRegion.GetProperty("startColumn").GetInt32(), effectRegion.GetProperty("endColumn").GetInt32()).ShouldBe((6, 17, 24));
    }

    [Fact]
    public void Uris_escape_each_segment_but_keep_slashes()
    {
        SarifReportWriter.ToUri("infra/my templates/a#1.json").ShouldBe("infra/my%20templates/a%231.json");
    }

    [RequiresSharedFact("tools/sarif/validate")]
    public async Task The_official_validator_and_the_sarif_schema_accept_the_report()
    {
        ScanExamples(out var bytes);
        await SarifValidation.AssertValid(bytes);
    }
}
