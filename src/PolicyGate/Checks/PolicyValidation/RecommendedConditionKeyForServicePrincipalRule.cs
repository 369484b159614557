using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RecommendedConditionKeyForServicePrincipalRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2038",
        "RecommendedConditionKeyForServicePrincipal",
        ValidationFindingType.Suggestion,
        "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
        "A statement for a service principal restricts it with a principal key instead of a source key.",
        "When a service acts on your behalf the request's principal keys describe the service, not you, so aws:PrincipalAccount, aws:PrincipalOrgID and similar keys do not restrict whose request it is. aws:SourceArn and aws:SourceAccount do.",
        "Use aws:SourceArn or aws:SourceAccount to scope the service principal.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override PolicyKind ExampleKind => PolicyKind.Resource;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var service = (statement.Principal?.Entries ?? []).Where(e => e.Type == PrincipalType.Service).SelectMany(e => e.Items).FirstOrDefault();
            if (service is null)
            {
                continue;
            }

            foreach (var (_, entry) in statement.ConditionsOn(k => PrincipalKeys.Any(k.Is)))
            {
                context.Report(entry.KeyLocation, statement, $"to scope the service principal {service.Text}, use aws:SourceArn or aws:SourceAccount rather than {entry.Key}");
            }
        }
    }

    private static readonly string[] PrincipalKeys = ["aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalArn"];
}
