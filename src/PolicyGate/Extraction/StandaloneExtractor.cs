namespace PolicyGate.Extraction;

/// <summary>Policy files become policy subjects, pattern files pattern subjects; every document gets a document subject.</summary>
public sealed class StandaloneExtractor : ISubjectExtractor
{
    public void Extract(ClassifiedDocument document, ExtractionContext context, ICollection<ISubject> subjects)
    {
        subjects.Add(new DocumentSubject(document));
        var owner = new PolicyOwner(document.Source.Path);
        switch (document.Kind)
        {
            case DocumentKind.IamPolicy:
                subjects.Add(new PolicySubject(owner, PolicyKindInference.Infer(document.Root), document.Root) { KindInferred = true });
                break;
            case DocumentKind.EventPattern:
                subjects.Add(new EventPatternSubject(owner, document.Root));
                break;
        }
    }
}
