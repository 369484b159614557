using System.Collections.Immutable;
using PolicyGate.Checks;
using PolicyGate.Discovery;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Pipeline;

/// <summary>
/// discover -> load -> extract -> check, one file at a time (files in parallel, bounded by the cores), so
/// memory stays flat in the number of files: a file's tree is dropped once its findings are made.
/// </summary>
public sealed class ScanPipeline(IReadOnlyList<ISubjectExtractor> extractors)
{
    public static ScanPipeline Default { get; } = new([new StandaloneExtractor(), new CloudFormation.CloudFormationExtractor()]);

    /// <summary>Runs the scan. Paths that do not exist are returned for the caller to report as a usage error.</summary>
    public ScanOutcome Run(ScanRequest request)
    {
        var config = request.Config;
        var discovery = FileDiscovery.Discover(new DiscoveryRequest
        {
            Paths = request.Paths,
            WorkingDirectory = request.WorkingDirectory,
            Filter = new PathFilter(config.Include, config.Exclude),
            UseGitIgnore = config.UseGitIgnore,
            Changes = request.Changes,
            IncludeReferencing = request.IncludeReferencing,
        });
        if (discovery.MissingPaths.Count > 0)
        {
            return new ScanOutcome(null, discovery.MissingPaths);
        }

        var rules = new RuleSet(request.Catalog.Rules, config.Rules);
        var loader = new DocumentLoader(LoadLimits.Default with { MaxFileBytes = config.MaxFileBytes });
        var results = new FileResult[discovery.Files.Count];
        var done = 0;
        Parallel.For(0, discovery.Files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            results[i] = ScanFile(discovery.Files[i], loader, rules, config);
            request.Progress?.Invoke(Interlocked.Increment(ref done), discovery.Files.Count);
        });

        IReadOnlyList<Finding> findings = results.SelectMany(r => r.Findings).Order(FindingOrder.Instance).ToList();

        // Report stage: suppressions (configured and in-source) and the baseline decide what blocks.
        var suppressions = config.Adoption.Suppressions.Concat(results.SelectMany(r => r.Suppressions));
        findings = new Reporting.SuppressionStage(suppressions, request.Today).Apply(findings);
        if (request.Baseline is { } baseline)
        {
            findings = baseline.Mark(findings);
        }

        var suppressed = findings.Count(f => f.SuppressedBy is not null);
        if (!request.IncludeSuppressed && suppressed > 0)
        {
            findings = findings.Where(f => f.SuppressedBy is null).ToList();
        }

        var documents = DocumentCounts.Of(results.SelectMany(r => r.Kinds));
        var summary = new ScanSummary
        {
            FilesScanned = discovery.Files.Count,
            Documents = documents,
            Policies = results.Sum(r => r.Policies),
            EventPatterns = results.Sum(r => r.Patterns),
            Suppressed = suppressed,
            HasBaseline = request.Baseline is not null,
        };
        return new ScanOutcome(new ScanReport(ToolInfo.Current, request.Catalog.Descriptors, findings, summary), []);
    }

    private FileResult ScanFile(DiscoveredFile file, DocumentLoader loader, RuleSet rules, Config.PolicyGateConfig config)
    {
        var loaded = loader.Load(file.FullPath, file.Path);
        var sink = new FindingSink(config.Rules);
        var context = new CheckContext(sink, config);
        var fileLocation = new SourceLocation(file.Path, SourceSpan.FileStart);
        rules.Check(new FileSubject(loaded), context, fileLocation);

        var kinds = new List<DocumentKind>();
        var policies = 0;
        var patterns = 0;
        var extraction = new ExtractionContext(config);
        for (var i = 0; i < loaded.Documents.Length; i++)
        {
            var document = new ClassifiedDocument(loaded, loaded.Documents[i], DocumentClassifier.Classify(loaded.Documents[i], file.Path), i);
            kinds.Add(document.Kind);
            var subjects = new List<ISubject>();
            foreach (var extractor in extractors)
            {
                extractor.Extract(document, extraction, subjects);
            }

            foreach (var subject in subjects)
            {
                policies += subject is PolicySubject ? 1 : 0;
                patterns += subject is EventPatternSubject ? 1 : 0;
                rules.Check(subject, context, fileLocation);
            }
        }

        // The text is at hand only here, so each finding's identity for baselines is computed now.
        var findings = Reporting.FindingFingerprint.Stamp(sink.Findings, file.Path, loaded.File.Text);
        return new FileResult(findings, kinds, policies, patterns, [.. extraction.Suppressions]);
    }

    private sealed record FileResult(IReadOnlyList<Finding> Findings, IReadOnlyList<DocumentKind> Kinds, int Policies, int Patterns, IReadOnlyList<Suppression> Suppressions);
}

/// <summary>The report, or the paths that did not exist (a usage error).</summary>
public sealed record ScanOutcome(ScanReport? Report, IReadOnlyList<string> MissingPaths);
