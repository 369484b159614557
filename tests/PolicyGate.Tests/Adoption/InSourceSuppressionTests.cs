using PolicyGate.Checks;
using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Pipeline;

namespace PolicyGate.Tests.Adoption;

/// <summary>
/// In-source suppressions reach the report stage through <see cref="ExtractionContext.Suppressions"/> (the
/// CloudFormation extractor fills it from <c>Metadata: policygate: ignore</c>) and join the configured ones.
/// </summary>
public class InSourceSuppressionTests
{
    /// <summary>Stands in for the template extractor: suppresses PG2002 on the first two lines of every document.</summary>
    private sealed class FirstLinesSuppressor : ISubjectExtractor
    {
        public void Extract(ClassifiedDocument document, ExtractionContext context, ICollection<ISubject> subjects) =>
            context.Suppressions.Add(new Suppression(SuppressionKind.InSource, "PG2002", "set by the template", new SourceLocation(document.Source.Path, SourceSpan.At(1, 1)))
            {
                Scope = new SourceSpan(1, 1, 3, 1),
            });
    }

    private static ScanReport Scan(TestDirectory dir, PolicyGateConfig config, bool includeSuppressed) =>
        new ScanPipeline([new StandaloneExtractor(), new FirstLinesSuppressor()]).Run(new ScanRequest
        {
            Paths = ["."],
            WorkingDirectory = dir.Root,
            Config = config,
            IncludeSuppressed = includeSuppressed,
            Today = new DateOnly(2026, 11, 22),
        }).Report!;

    [Fact]
    public void In_source_and_configured_suppressions_join_at_the_report_stage()
    {
        using var dir = new TestDirectory();
        dir.Write("p.json", "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},\n\n\n{\"Effect\": \"allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}]}");
        var external = new Suppression(SuppressionKind.External, "PG2002", "configured", new SourceLocation("policygate.yaml", SourceSpan.At(2, 5)));
        var config = PolicyGateConfig.Default with { Adoption = AdoptionSettings.Default with { Suppressions = [external] } };

        var report = Scan(dir, config, includeSuppressed: true);
        report.Findings.Count.ShouldBe(2);
        report.Findings[0].SuppressedBy!.Kind.ShouldBe(SuppressionKind.InSource);
        report.Findings[0].SuppressedBy!.Reason.ShouldBe("set by the template");
        report.Findings[1].SuppressedBy!.Kind.ShouldBe(SuppressionKind.External, "line 4 is outside the in-source scope");
        report.Summary.Suppressed.ShouldBe(2);
        ExitCodes.ForScan(report, "error").ShouldBe(ExitCodes.Success);

        var dropped = Scan(dir, PolicyGateConfig.Default, includeSuppressed: false);
        dropped.Findings.ShouldHaveSingleItem().Location.Span.StartLine.ShouldBe(4);
        dropped.Summary.Suppressed.ShouldBe(1);
        ExitCodes.ForScan(dropped, "error").ShouldBe(ExitCodes.Findings);
    }
}
