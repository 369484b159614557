using PolicyGate.Documents;

namespace PolicyGate.Checks.Parsing;

public sealed class UnsupportedEncodingRule() : DiagnosticRule(Rule, DiagnosticKind.UnsupportedEncoding, DiagnosticKind.BinaryContent)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1003",
        "UnsupportedEncoding",
        RuleArea.Parsing,
        FindingLevel.Error,
        "The file is not UTF-8 text.",
        "The file is binary, UTF-16/UTF-32, or contains bytes that are not valid UTF-8, so it was not checked. CloudFormation and the AWS CLI expect UTF-8.",
        new RuleHelp(
            "Save the file as UTF-8 (a byte order mark is allowed). Windows PowerShell's `>` writes UTF-16; use `Out-File -Encoding utf8` instead. A binary file with a .json or .yaml name should be renamed or excluded.",
            "policy.json saved as UTF-16LE (bytes FF FE 7B 00 ...)",
            "policy.json saved as UTF-8 (bytes 7B 0A ...)",
            "text"));
}
