using PolicyGate.Extraction;

namespace PolicyGate.CloudFormation;

/// <summary>
/// The scan pipeline's extractor for CloudFormation and SAM templates: a <see cref="TemplateSubject"/>
/// (diagnostics and suppressions), a <see cref="PolicySubject"/> per policy, and an
/// <see cref="EventRuleSubject"/> and <see cref="EventPatternSubject"/> per event rule.
/// </summary>
public sealed class CloudFormationExtractor(TemplateExtractor templates) : ISubjectExtractor
{
    public CloudFormationExtractor()
        : this(TemplateExtractor.Default)
    {
    }

    public void Extract(ClassifiedDocument document, ExtractionContext context, ICollection<ISubject> subjects)
    {
        if (document.Kind != DocumentKind.CloudFormationTemplate)
        {
            return;
        }

        TemplateExtraction extraction;
        try
        {
            extraction = templates.Extract(document, context.Config.CloudFormation);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug must not end the scan: the template is reported as not checked.
            subjects.Add(new TemplateSubject(document, [new TemplateDiagnostic(
                TemplateDiagnosticKind.ExtractionFailed,
                $"PolicyGate could not extract the policies of this template ({ex.GetType().Name}: {ex.Message}); it was not checked",
                Documents.SourceSpan.At(document.Root.Span.StartLine, document.Root.Span.StartColumn))]));
            return;
        }

        subjects.Add(extraction.Template);
        foreach (var suppression in extraction.Template.Suppressions)
        {
            context.Suppressions.Add(suppression);
        }

        foreach (var policy in extraction.Policies)
        {
            subjects.Add(policy.Subject);
        }

        foreach (var rule in extraction.EventRules)
        {
            subjects.Add(rule.Rule);
            if (rule.Pattern is not null)
            {
                subjects.Add(rule.Pattern);
            }
        }
    }
}
