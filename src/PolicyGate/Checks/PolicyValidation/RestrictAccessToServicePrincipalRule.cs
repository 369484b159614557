using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RestrictAccessToServicePrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2037",
        "RestrictAccessToServicePrincipal",
        ValidationFindingType.SecurityWarning,
        "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL",
        "A resource policy allows a service principal without saying on whose behalf.",
        "A service principal such as events.amazonaws.com acts for every AWS customer. Without a condition on aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths, another account's resource can make the service use your resource (the confused deputy problem).",
        "Add a condition on aws:SourceArn or aws:SourceAccount naming the resource or account the service acts for.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:111122223333:alerts"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:111122223333:alerts", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:events:us-east-1:111122223333:rule/alerts"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.Kind == PolicyKind.Resource;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (!statement.IsAllow || statement.Principal is null)
            {
                continue;
            }

            var services = statement.Principal.Entries.Where(e => e.Type == PrincipalType.Service).SelectMany(e => e.Items).Where(i => i.Value.IsFullyKnown).ToList();
            if (services.Count == 0 || statement.ConditionsOn(k => SourceKeys.Any(k.Is)).Any())
            {
                continue;
            }

            context.Report(services[0].Value, statement, $"the service principal {services[0].Text} is allowed without a condition on aws:SourceArn or aws:SourceAccount, so it may act for any AWS account");
        }
    }

    private static readonly string[] SourceKeys = ["aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceOwner"];
}
