using PolicyGate.Documents;

namespace PolicyGate.Checks.Parsing;

public sealed class FileTooLargeRule() : DiagnosticRule(Rule, DiagnosticKind.FileTooLarge)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1004",
        "FileTooLarge",
        RuleArea.Parsing,
        FindingLevel.Warning,
        "The file is larger than the size limit and was not read.",
        "Files above the size limit (16 MB by default, `max-file-size` in policygate.yaml) are skipped without being read, so anything in them goes unchecked.",
        new RuleHelp(
            "Exclude large data files that are not templates or policies (`exclude` in policygate.yaml), or raise `max-file-size` if the file must be checked. CloudFormation itself limits templates to 1 MB when uploaded to S3.",
            "max-file-size: 1MB   # and a 20 MB generated template in the repository",
            "max-file-size: 32MB\nexclude: [\"data/**\"]",
            "yaml"));
}
