using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class InvalidConditionDataTypeRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2089",
        "InvalidConditionDataType",
        ValidationFindingType.Error,
        "INVALID_CONDITION_DATA_TYPE",
        "The values of a condition key mix JSON types.",
        "The values of one condition key must share a JSON type (all strings, all numbers or all Booleans).",
        "Write all values with the same type, for example all as strings.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/level": ["1", 2]}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"aws:PrincipalTag/level": ["1", "2"]}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, _, entry) in context.Policy.ConditionEntries())
        {
            var kinds = entry.Values.Where(v => !v.IsUnknown).Select(v => v.JsonKind).Distinct().ToList();
            if (kinds.Count > 1)
            {
                context.Report(entry.Node.Location, statement, $"the values of {entry.Key} mix JSON types ({string.Join(", ", entry.Values.Where(v => !v.IsUnknown).Select(v => v.Node.KindName).Distinct())}); use one type");
            }
        }
    }
}
