using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidArnAccountRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2056",
        "InvalidArnAccount",
        ValidationFindingType.Error,
        "INVALID_ARN_ACCOUNT",
        "The account field of a resource ARN is not a 12-digit account id.",
        "The account field of an ARN is empty (for services such as S3 buckets), a 12-digit account id, or \"aws\" for AWS-owned resources. Dashes, names or shorter numbers match nothing.",
        "Write the 12-digit account id without dashes.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:1111-2222-3333:queue"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:queue"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (item.Arn is not { Prefix: "arn" } arn || arn.Account.Length == 0 || !ResourceArns.IsPlainField(item, arn.AccountStart, arn.Account))
            {
                continue;
            }

            if (!AwsPrincipals.AccountIdPattern().IsMatch(arn.Account) && arn.Account != "aws")
            {
                context.Report(item.Value, statement, $"the account \"{arn.Account}\" in resource {item.Text} is not a 12-digit account id");
            }
        }
    }
}
