using PolicyGate.CloudFormation;

namespace PolicyGate.Checks.CloudFormation;

public sealed class InvalidEmbeddedJsonRule() : TemplateDiagnosticRule(Rule, TemplateDiagnosticKind.InvalidEmbeddedJson)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1107",
        "InvalidEmbeddedJson",
        RuleArea.Templates,
        FindingLevel.Error,
        "A policy or event pattern given as a JSON string is not valid JSON.",
        "Some properties take a policy document or event pattern as a JSON string (AWS::Logs::ResourcePolicy, OpenSearch AccessPolicies, an EventPattern string, ...). The string does not parse, so AWS rejects it and PolicyGate cannot check it. The finding points into the string where the error is, when the string is written literally.",
        new RuleHelp(
            "Fix the JSON, or give the document as a YAML or JSON object instead of a string where the property allows it.",
            "PolicyDocument: '{\"Version\": \"2012-10-17\", \"Statement\": [}'",
            "PolicyDocument: '{\"Version\": \"2012-10-17\", \"Statement\": []}'",
            "yaml"))
    {
        SecuritySeverity = "5.0",
    };
}
