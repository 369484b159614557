using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.PolicyStructure;

public sealed class InvalidPolicyVersionRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG2005",
        "InvalidPolicyVersion",
        RuleArea.PolicyValidation,
        FindingLevel.Error,
        "The policy Version is not a version IAM knows.",
        "The Version element names the policy language version. Only \"2012-10-17\" and the older \"2008-10-17\" exist; it is not a date you choose. Any other value is rejected.",
        new RuleHelp(
            "Use `\"Version\": \"2012-10-17\"`, the current version, which also enables policy variables.",
            """{ "Version": "2024-01-01", "Statement": [] }""",
            """{ "Version": "2012-10-17", "Statement": [] }"""));

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        foreach (var document in subject.Document.Alternatives())
        {
            if (document is not ObjectNode root || root["Version"] is not { } version)
            {
                continue;
            }

            foreach (var value in version.Alternatives())
            {
                if (PolicyElements.IsUnknownValue(value) || value is ScalarNode { IsString: true, Value: "2012-10-17" or "2008-10-17" })
                {
                    continue;
                }

                context.Report(Rule, value, value is ScalarNode { IsString: true } s
                    ? $"Version \"{s.Value}\" is not a policy language version; use \"2012-10-17\""
                    : $"Version must be the string \"2012-10-17\", not {value.KindName}");
            }
        }
    }
}
