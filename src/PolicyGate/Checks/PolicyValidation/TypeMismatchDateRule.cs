using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class TypeMismatchDateRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2083",
        "TypeMismatchDate",
        ValidationFindingType.Warning,
        "TYPE_MISMATCH_DATE",
        "A date condition has a value that is not a date.",
        "Date operators compare with ISO 8601 dates (2024-01-31, 2024-01-31T12:00:00Z) or epoch seconds; other text never matches as intended.",
        "Write the date in ISO 8601 form.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"DateLessThan": {"aws:CurrentTime": "next tuesday"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ConditionValueShapes(context, OperatorFamily.Date, value => ConditionValues.IsDateLike(value) || value.AsLiteralPattern().HasVariables, (block, entry, value) => $"{block.Operator.Text} needs a date such as 2030-01-31 or 2030-01-31T00:00:00Z, not \"{value.Text}\" (key {entry.Key})");
    }
}
