using System.Collections.Immutable;
using PolicyGate.Checks;
using PolicyGate.Checks.CustomPolicyChecks;
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
        var engines = request.Engine is { } engine ? PolicyCheckEngines.For(engine) : PolicyCheckEngines.Local;
        var done = 0;
        Parallel.For(0, discovery.Files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Parallelism) }, i =>
        {
            var file = discovery.Files[i];
            var context = new FileContext(loader, rules, config, engines, request.Changes is { } changes ? BaseOf(file, changes, loader, config) : null);
            results[i] = ScanFile(file, context);
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
            Engine = engines.Chosen.Name,
        };
        return new ScanOutcome(new ScanReport(ToolInfo.Current, request.Catalog.Descriptors, findings, summary), []);
    }

    private FileResult ScanFile(DiscoveredFile file, FileContext run)
    {
        var (loader, rules, config) = (run.Loader, run.Rules, run.Config);
        var loaded = loader.Load(file.FullPath, file.Path);
        var sink = new FindingSink(config.Rules);
        var context = new CheckContext(sink, config, run.Engines, run.BasePolicies);
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
            foreach (var subject in Extract(document, extraction))
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

    private List<ISubject> Extract(ClassifiedDocument document, ExtractionContext extraction)
    {
        var subjects = new List<ISubject>();
        foreach (var extractor in extractors)
        {
            extractor.Extract(document, extraction, subjects);
        }

        return subjects;
    }

    /// <summary>
    /// The policies a changed file held at the base of <c>--changed-since</c>, extracted the same way as today's
    /// (an added file: none, and every policy is new). Null for a file that did not change (it is scanned because
    /// it references a changed one) and for a base version that cannot be read or parsed: no comparison then.
    /// </summary>
    private BasePolicies? BaseOf(DiscoveredFile file, Discovery.GitChanges changes, DocumentLoader loader, Config.PolicyGateConfig config)
    {
        var path = Discovery.RepositoryRoot.ReportPath(changes.RepositoryRoot, file.FullPath);
        if (changes.ChangeOf(path) is not { } change)
        {
            return null;
        }

        var before = change.Kind == Discovery.ChangeKind.Added ? Discovery.BaseVersion.Absent : changes.ReadAtBase(path);
        if (!before.Existed)
        {
            return new BasePolicies(changes.Reference, fileExisted: false, []);
        }

        var loaded = loader.Load(new SourceFile(file.Path, file.FullPath), before.Content);
        if (loaded.Diagnostics.Any(d => d.Kind != DiagnosticKind.DuplicateKey))
        {
            return null;
        }

        // The base's policies are only compared with, so findings made while extracting them are dropped.
        var extraction = new ExtractionContext(config);
        var policies = new List<PolicySubject>();
        for (var i = 0; i < loaded.Documents.Length; i++)
        {
            var document = new ClassifiedDocument(loaded, loaded.Documents[i], DocumentClassifier.Classify(loaded.Documents[i], file.Path), i);
            policies.AddRange(Extract(document, extraction).OfType<PolicySubject>());
        }

        return new BasePolicies(changes.Reference, fileExisted: true, policies);
    }

    private sealed record FileContext(DocumentLoader Loader, RuleSet Rules, Config.PolicyGateConfig Config, PolicyCheckEngines Engines, BasePolicies? BasePolicies);

    private sealed record FileResult(IReadOnlyList<Finding> Findings, IReadOnlyList<DocumentKind> Kinds, int Policies, int Patterns, IReadOnlyList<Suppression> Suppressions);
}

/// <summary>The report, or the paths that did not exist (a usage error).</summary>
public sealed record ScanOutcome(ScanReport? Report, IReadOnlyList<string> MissingPaths);
