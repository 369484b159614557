using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidArnResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2062",
        "InvalidArnResource",
        ValidationFindingType.Error,
        "INVALID_ARN_RESOURCE",
        "The resource part of an ARN matches none of its service's resource types.",
        "After the account, an ARN names the resource in a form each service defines (role/Name, table/Name, ...). A resource part that fits none of the service's forms matches nothing.",
        "Write the resource part in one of the service's forms, for example role/Admin for IAM roles.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::111122223333:roles/Admin"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::111122223333:role/Admin"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyResourceItems())
        {
            if (item.Arn is not { Prefix: "arn" } arn || !ResourceArns.IsPlainField(item, arn.ServiceStart, arn.Service))
            {
                continue;
            }

            var types = ResourceArns.TypesOf(context.Catalog, arn.Service);
            if (types.Count == 0)
            {
                continue;
            }

            if (!ResourceArns.MatchesSomeTypeToken(item, types))
            {
                context.Report(item.Value, statement, $"the resource part \"{arn.Resource}\" of {item.Text} starts like no {arn.Service} resource type (they start with {string.Join(", ", ResourceArns.TypeTokens(types).Take(5))})");
            }
        }
    }
}
