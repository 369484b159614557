using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidVariableForOperatorRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2079",
        "InvalidVariableForOperator",
        ValidationFindingType.Error,
        "INVALID_VARIABLE_FOR_OPERATOR",
        "A policy variable is used with an operator that does not substitute variables.",
        "Policy variables are substituted only in the values of String and ARN operators. With numeric, date, Boolean, binary or IP operators the ${...} text is compared as it is.",
        "Use a String or ARN operator, or a literal value.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"NumericLessThan": {"s3:max-keys": "${aws:PrincipalTag/limit}"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"s3:prefix": "${aws:username}/"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, block, entry, value) in context.Policy.ConditionValues())
        {
            if (block.Operator.Family is OperatorFamily.String or OperatorFamily.Arn or OperatorFamily.Unknown || !value.IsString)
            {
                continue;
            }

            if (value.AsLiteralPattern().Variables.FirstOrDefault() is { } variable)
            {
                context.Report(value, statement, $"the policy variable ${{{variable.Key}}} is not substituted with {block.Operator.Text}; variables work only with String and ARN operators");
            }
        }
    }
}
