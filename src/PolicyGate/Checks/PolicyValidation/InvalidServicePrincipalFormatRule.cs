using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidServicePrincipalFormatRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2029",
        "InvalidServicePrincipalFormat",
        ValidationFindingType.Error,
        "INVALID_SERVICE_PRINCIPAL_FORMAT",
        "A Service principal is not a service principal name.",
        "A service principal is a name such as lambda.amazonaws.com: lower-case letters, digits, dots and dashes, ending in the partition's service domain. A bare service prefix, an ARN or a URL does not name a service.",
        "Write the service principal in full, for example \"lambda.amazonaws.com\".",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda"}, "Action": "sts:AssumeRole"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry, item) in context.Policy.PrincipalItems())
        {
            if (entry.Type != PrincipalType.Service || !item.Value.IsFullyKnown || item.Text == "*" || item.Text.Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            if (!ServicePrincipals.IsWellFormed(item.Text))
            {
                context.Report(item.Value, statement, $"the service principal \"{item.Text}\" is not of the form service.amazonaws.com");
            }
        }
    }
}
