using PolicyGate.CloudFormation;
using PolicyGate.Documents;

namespace PolicyGate.Checks.CloudFormation;

/// <summary>Reports a template's diagnostics of one kind under one rule. Most template rules are one of these.</summary>
public abstract class TemplateDiagnosticRule(RuleDescriptor descriptor, TemplateDiagnosticKind kind) : IRule<TemplateSubject>
{
    public RuleDescriptor Descriptor { get; } = descriptor;

    public virtual void Check(TemplateSubject subject, CheckContext context)
    {
        foreach (var diagnostic in subject.Diagnostics)
        {
            if (diagnostic.Kind == kind)
            {
                context.Sink.Report(Descriptor, new SourceLocation(subject.Path, diagnostic.Span), diagnostic.Message);
            }
        }
    }
}
