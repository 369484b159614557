using System.Collections.Immutable;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// A CloudFormation template after reading and resolution: the diagnostics found on the way (the rules in
/// Checks/CloudFormation report them) and the suppressions written in its Metadata.
/// </summary>
public sealed record TemplateSubject(ClassifiedDocument Document, ImmutableArray<TemplateDiagnostic> Diagnostics) : ISubject, ICarriesSuppressions
{
    public ImmutableArray<InlineSuppression> Suppressions { get; init; } = [];

    public string Path => Document.Source.Path;

    public void Dispatch(ISubjectVisitor visitor) => visitor.Visit(this);
}
