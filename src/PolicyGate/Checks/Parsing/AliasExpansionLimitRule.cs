using PolicyGate.Documents;

namespace PolicyGate.Checks.Parsing;

public sealed class AliasExpansionLimitRule() : DiagnosticRule(Rule, DiagnosticKind.AliasExpansionLimit)
{
    public static readonly RuleDescriptor Rule = new(
        "PG1006",
        "AliasExpansionLimit",
        RuleArea.Parsing,
        FindingLevel.Error,
        "YAML aliases expand to an unreasonable size.",
        "YAML anchors and aliases in the document expand to more than a million nodes (the \"billion laughs\" pattern). The file was not checked further.",
        new RuleHelp(
            "Anchors and aliases are fine for sharing a block; aliases of aliases that multiply at each level are not. CloudFormation does not need them at all.",
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n# ...",
            "common: &tags {Team: platform}\nTags: *tags",
            "yaml"));
}
