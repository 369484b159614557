using PolicyGate.CloudFormation;

namespace PolicyGate.Checks.CloudFormation;

public sealed class TemplateExtractionFailedRule() : TemplateDiagnosticRule(Rule, TemplateDiagnosticKind.ExtractionFailed)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1199",
        "TemplateExtractionFailed",
        RuleArea.Templates,
        FindingLevel.Error,
        "PolicyGate failed while extracting the template's policies.",
        "An internal error stopped PolicyGate while it read this template, so its policies and rules were not checked. This is a bug in PolicyGate.",
        new RuleHelp(
            "Report the message and, if you can, the template to the PolicyGate maintainers.",
            "PolicyGate could not extract the policies of this template (...)",
            "(no finding)",
            "text"));
}
