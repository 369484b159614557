using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidDateValueRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2087",
        "InvalidDateValue",
        ValidationFindingType.Warning,
        "INVALID_DATE_VALUE",
        "A date condition value is not in ISO 8601 form.",
        "A date such as 2030/01/31 or 01-31-2030 may not be read the way it was meant; ISO 8601 (2030-01-31) is unambiguous.",
        "Write the date as YYYY-MM-DD (optionally with a time).",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2030/01/31"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-31"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        SharedChecks.ConditionValueShapes(context, OperatorFamily.Date, value => !ConditionValues.IsDateLike(value) || ConditionValues.IsIsoDate(value), (block, entry, value) => $"the date \"{value.Text}\" of {entry.Key} may not be read as intended; use YYYY-MM-DD");
    }
}
