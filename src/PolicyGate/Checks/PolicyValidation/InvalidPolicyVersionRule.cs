using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidPolicyVersionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2005",
        "InvalidPolicyVersion",
        ValidationFindingType.Error,
        "INVALID_VERSION",
        "The policy Version is not a version IAM knows.",
        "The Version element names the policy language version. Only \"2012-10-17\" and the older \"2008-10-17\" exist; it is not a date you choose. Any other value is rejected.",
        "Use `\"Version\": \"2012-10-17\"`, the current version, which also enables policy variables.",
        """{"Version": "2024-01-01", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var item in context.Policy.Version?.Items ?? [])
        {
            if (!item.Value.IsUnknown && item.Value.Text is not ("2012-10-17" or "2008-10-17"))
            {
                context.Report(item.Value, null, $"Version \"{item.Value.Text}\" is not a policy language version; use \"2012-10-17\"");
            }
        }
    }
}
