using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidEffectRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2002",
        "InvalidEffect",
        ValidationFindingType.Error,
        "INVALID_EFFECT",
        "A statement's Effect is not Allow or Deny.",
        "Every statement needs an Effect of exactly \"Allow\" or \"Deny\" (case-sensitive). AWS rejects other values, and a Deny that is mistyped protects nothing.",
        "Write `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""",
        securitySeverity: "4.0");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var item in statement.Effect?.Items ?? [])
            {
                if (item.Effect is not null || item.Value.IsUnknown)
                {
                    continue;
                }

                var text = item.Value.Text;
                var message = text.Equals("allow", StringComparison.OrdinalIgnoreCase) || text.Equals("deny", StringComparison.OrdinalIgnoreCase)
                    ? $"Effect \"{text}\" must be written \"{char.ToUpperInvariant(text[0])}{text[1..].ToLowerInvariant()}\" (values are case-sensitive)"
                    : $"Effect \"{text}\" is neither \"Allow\" nor \"Deny\"";
                context.Report(item.Value, statement, message);
            }
        }
    }
}
