using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingArnAccountRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2061",
        "MissingArnAccount",
        ValidationFindingType.Error,
        "MISSING_ARN_ACCOUNT",
        "A resource ARN has no account but every ARN of its service has one.",
        "Most services put the owning account in every ARN; an ARN with an empty account field matches none of their resources.",
        "Add the account id, or * for any account.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1::queue"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:queue"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ArnFields(context, (arn, types) => arn.Account.Length == 0 && types.All(t => t.HasAccount) && !ResourceArns.MayBeAwsOwned(arn), (arn, text) => $"every {arn.Service} ARN has an account; {text} leaves it empty (use the account id or *)");
    }
}
