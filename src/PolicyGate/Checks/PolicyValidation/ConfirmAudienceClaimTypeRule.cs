using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class ConfirmAudienceClaimTypeRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2043",
        "ConfirmAudienceClaimType",
        ValidationFindingType.Suggestion,
        "CONFIRM_AUDIENCE_CLAIM_TYPE",
        "An audience (aud) claim is tested with a set qualifier.",
        "The aud claim of a web identity token can hold one value or several. ForAllValues and ForAnyValue only make sense when the provider sends a list; with a single value ForAllValues also matches tokens without the claim.",
        "Check how the provider sends aud; for a single value use StringEquals without qualifier.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.example.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"ForAllValues:StringEquals": {"oidc.example.com:aud": "my-app"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.example.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"oidc.example.com:aud": "my-app"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry) in context.Policy.ConditionEntries())
        {
            if (block.Operator.Qualifier != SetQualifier.None && entry.Key.Text.EndsWith(":aud", StringComparison.OrdinalIgnoreCase) && !entry.Key.IsGlobal)
            {
                context.Report(entry.KeyLocation, statement, $"{block.Operator.Text} on {entry.Key}: confirm that the provider sends aud as a list; for a single audience use {block.Operator.BaseName} without qualifier");
            }
        }
    }
}
