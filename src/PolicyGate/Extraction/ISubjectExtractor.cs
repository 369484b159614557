namespace PolicyGate.Extraction;

/// <summary>Turns a classified document into the subjects the checks examine.</summary>
public interface ISubjectExtractor
{
    /// <summary>Adds this extractor's subjects for the document (none when the document is not its kind).</summary>
    void Extract(ClassifiedDocument document, ExtractionContext context, ICollection<ISubject> subjects);
}

/// <summary>What extractors may read besides the document: the run's configuration.</summary>
public sealed record ExtractionContext(Config.PolicyGateConfig Config)
{
    /// <summary>
    /// In-source suppressions met while extracting (a template's <c>Metadata: policygate: ignore</c>), with the
    /// span each covers; the report stage joins them with the configured ones.
    /// </summary>
    public ICollection<Checks.Suppression> Suppressions { get; } = new List<Checks.Suppression>();
}
