using PolicyGate.Documents;

namespace PolicyGate.Checks.Parsing;

public sealed class DuplicateKeyRule() : DiagnosticRule(Rule, DiagnosticKind.DuplicateKey)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1002",
        "DuplicateKey",
        RuleArea.Parsing,
        FindingLevel.Error,
        "A key appears twice in the same object.",
        "An object has the same key more than once. JSON and YAML readers disagree about which value wins, so a reviewer may read one policy while AWS enforces another.",
        new RuleHelp(
            "Remove or merge the duplicate. PolicyGate reads the last value, as most JSON readers do, but a reviewer often reads the first.",
            """{ "Effect": "Deny", "Action": "s3:*", "Effect": "Allow" }""",
            """{ "Effect": "Deny", "Action": "s3:*" }"""))
    {
        SecuritySeverity = "5.0",
    };
}
