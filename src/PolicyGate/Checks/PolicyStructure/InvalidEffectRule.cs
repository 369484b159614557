using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.PolicyStructure;

public sealed class InvalidEffectRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG2002",
        "InvalidEffect",
        RuleArea.PolicyValidation,
        FindingLevel.Error,
        "A statement's Effect is missing or is not Allow or Deny.",
        "Every statement needs an Effect of exactly \"Allow\" or \"Deny\" (case-sensitive). AWS rejects other values, and a Deny that is mistyped does not protect anything.",
        new RuleHelp(
            "Write `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`.",
            """{ "Effect": "Alow", "Action": "s3:GetObject", "Resource": "*" }""",
            """{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }"""))
    {
        SecuritySeverity = "4.0",
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        foreach (var statement in PolicyElements.Statements(subject.Document))
        {
            var effect = statement["Effect"];
            if (effect is null)
            {
                context.Sink.Report(Rule, statement.StartLocation(), "the statement has no Effect; it must be \"Allow\" or \"Deny\"");
                continue;
            }

            foreach (var value in effect.Alternatives())
            {
                if (PolicyElements.IsUnknownValue(value) || value is ScalarNode { IsString: true, Value: "Allow" or "Deny" })
                {
                    continue;
                }

                var message = value is ScalarNode { IsString: true } s
                    ? s.Value.Equals("allow", StringComparison.OrdinalIgnoreCase) || s.Value.Equals("deny", StringComparison.OrdinalIgnoreCase)
                        ? $"Effect \"{s.Value}\" must be written \"{char.ToUpperInvariant(s.Value[0])}{s.Value[1..].ToLowerInvariant()}\" (values are case-sensitive)"
                        : $"Effect \"{s.Value}\" is neither \"Allow\" nor \"Deny\""
                    : $"Effect must be the string \"Allow\" or \"Deny\", not {value.KindName}";
                context.Report(Rule, value, message);
            }
        }
    }
}
