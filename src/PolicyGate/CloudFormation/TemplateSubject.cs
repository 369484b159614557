using System.Collections.Immutable;
using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// A CloudFormation template after reading and resolution: the diagnostics found on the way (the rules in
/// Checks/CloudFormation report them) and the suppressions written in its Metadata.
/// </summary>
public sealed record TemplateSubject(ClassifiedDocument Document, ImmutableArray<TemplateDiagnostic> Diagnostics) : ISubject
{
    /// <summary>Suppressions written in the template's Metadata; the extractor hands them to the report stage.</summary>
    public ImmutableArray<Checks.Suppression> Suppressions { get; init; } = [];

    public string Path => Document.Source.Path;

    public void Dispatch(ISubjectVisitor visitor) => visitor.Visit(this);
}
