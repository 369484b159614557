using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.Parsing;

/// <summary>Reports the load diagnostics of the given kinds under one rule. Each parsing rule is one of these.</summary>
public abstract class DiagnosticRule(RuleDescriptor descriptor, params DiagnosticKind[] kinds) : IRule<FileSubject>
{
    public RuleDescriptor Descriptor { get; } = descriptor;

    public void Check(FileSubject subject, CheckContext context)
    {
        foreach (var diagnostic in subject.File.Diagnostics)
        {
            if (kinds.Contains(diagnostic.Kind))
            {
                context.Sink.Report(Descriptor, new SourceLocation(subject.File.File.Path, diagnostic.Span), diagnostic.Message);
            }
        }
    }
}
