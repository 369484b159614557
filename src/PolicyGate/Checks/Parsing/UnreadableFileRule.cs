using PolicyGate.Documents;

namespace PolicyGate.Checks.Parsing;

public sealed class UnreadableFileRule() : DiagnosticRule(Rule, DiagnosticKind.Unreadable)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1007",
        "UnreadableFile",
        RuleArea.Parsing,
        FindingLevel.Error,
        "The file could not be read.",
        "The file exists in the tree but could not be opened: permissions, a dangling symbolic link or a symbolic link loop. It was not checked.",
        new RuleHelp(
            "Fix the link or the permissions, or exclude the path in policygate.yaml.",
            "policies/admin.json -> policies/admin.json   (a link to itself)",
            "policies/admin.json   (a regular file)",
            "text"));
}
