using PolicyGate.Documents;

namespace PolicyGate.Checks.Parsing;

public sealed class InvalidSyntaxRule() : DiagnosticRule(Rule, DiagnosticKind.SyntaxError)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1001",
        "InvalidSyntax",
        RuleArea.Parsing,
        FindingLevel.Error,
        "The file is not valid JSON or YAML.",
        "A JSON or YAML file could not be parsed, so nothing in it was checked. AWS rejects the same text when it is deployed; fix the syntax error at the reported position.",
        new RuleHelp(
            "PolicyGate stops reading a file at its first syntax error and reports where it is. Common causes: a trailing comma, single quotes in JSON, a missing comma between elements, tabs used for YAML indentation.",
            """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", }, ] }""",
            """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow" } ] }"""));
}
