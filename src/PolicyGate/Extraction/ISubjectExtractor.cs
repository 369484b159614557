namespace PolicyGate.Extraction;

/// <summary>Turns a classified document into the subjects the checks examine.</summary>
public interface ISubjectExtractor
{
    /// <summary>Adds this extractor's subjects for the document (none when the document is not its kind).</summary>
    void Extract(ClassifiedDocument document, ExtractionContext context, ICollection<ISubject> subjects);
}

/// <summary>What extractors may read besides the document: the run's configuration.</summary>
public sealed record ExtractionContext(Config.PolicyGateConfig Config);
