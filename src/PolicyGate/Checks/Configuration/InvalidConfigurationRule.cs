using PolicyGate.Config;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.Configuration;

/// <summary>Configuration files met while scanning (for example a sub-project's) are validated like the run's own.</summary>
public sealed class InvalidConfigurationRule : IRule<DocumentSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG9001",
        "InvalidConfiguration",
        RuleArea.Tool,
        FindingLevel.Error,
        "A PolicyGate configuration file is not valid.",
        "A policygate.yaml file has an unknown key, a value of the wrong type or a value outside what is allowed. The configuration given to a run must be valid for the run to start (exit code 2); other configuration files found while scanning are reported with this rule.",
        new RuleHelp(
            "Compare the file with rules/policygate.schema.json; each mistake is reported at its line and column.",
            "fail-on: errors\nexlude: [\"tests/**\"]",
            "fail-on: error\nexclude: [\"tests/**\"]",
            "yaml"));

    public RuleDescriptor Descriptor => Rule;

    public void Check(DocumentSubject subject, CheckContext context)
    {
        if (subject.Document.Kind != DocumentKind.PolicyGateConfig)
        {
            return;
        }

        foreach (var error in ConfigLoader.Bind(subject.Document.Root, subject.Document.Source.Path).Errors)
        {
            context.Sink.Report(Rule, error.Location, error.Message);
        }
    }
}
