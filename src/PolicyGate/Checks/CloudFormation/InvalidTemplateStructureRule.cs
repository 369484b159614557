using PolicyGate.CloudFormation;

namespace PolicyGate.Checks.CloudFormation;

public sealed class InvalidTemplateStructureRule() : TemplateDiagnosticRule(Rule, TemplateDiagnosticKind.InvalidStructure)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1100",
        "InvalidTemplateStructure",
        RuleArea.Templates,
        FindingLevel.Error,
        "A template section or resource has the wrong shape.",
        "A section (Parameters, Resources, Conditions, ...) or a resource is not shaped as CloudFormation requires: a resource without Type, Properties that are not a mapping, a logical id that is not alphanumeric, a SAM policy template without its parameters. CloudFormation rejects the template, and PolicyGate cannot read what is inside.",
        new RuleHelp(
            "Give every resource a Type and a mapping of Properties, and use alphanumeric logical ids.",
            "Resources:\n  my-role:\n    Properties: []",
            "Resources:\n  MyRole:\n    Type: AWS::IAM::Role\n    Properties: {}",
            "yaml"));
}
