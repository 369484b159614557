using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingVersionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2014",
        "MissingVersion",
        ValidationFindingType.Warning,
        "MISSING_VERSION",
        "The policy has no Version element.",
        "Without Version, IAM reads the policy as version 2008-10-17, in which policy variables are plain text. Stating the version makes the policy's meaning explicit.",
        "Add `\"Version\": \"2012-10-17\"` at the top of the policy.",
        """{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        var policy = context.Policy;
        if (policy.IsObject && policy.Version is null && policy.StatementKeySpan is not null)
        {
            context.Report(policy.Root.StartLocation(), "the policy has no Version element; add \"Version\": \"2012-10-17\"");
        }
    }
}
