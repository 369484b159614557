using PolicyGate.CloudFormation;

namespace PolicyGate.Checks.CloudFormation;

public sealed class UnsupportedTemplateFeatureRule() : TemplateDiagnosticRule(Rule, TemplateDiagnosticKind.UnsupportedFeature)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1106",
        "UnsupportedTemplateFeature",
        RuleArea.Templates,
        FindingLevel.Note,
        "A part of the template is not expanded offline, so what it produces is not checked.",
        "Macros (a Transform other than SAM and AWS::LanguageExtensions), Fn::Transform, Fn::ForEach and SAM policy templates PolicyGate does not know run at deploy time; PolicyGate does not guess their output. Resources they add are not checked, and values they produce are unknown.",
        new RuleHelp(
            "Check the processed template instead (for example the output of `sam build` or `aws cloudformation get-template --template-stage Processed`), or accept the note.",
            "Transform: MyCompanyMacro",
            "Transform: AWS::Serverless-2016-10-31",
            "yaml"));
}
