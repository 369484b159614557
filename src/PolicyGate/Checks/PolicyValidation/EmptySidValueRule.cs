using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class EmptySidValueRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2011",
        "EmptySidValue",
        ValidationFindingType.Suggestion,
        "EMPTY_SID_VALUE",
        "A statement has an empty Sid.",
        "An empty Sid identifies nothing; it is allowed but useless.",
        "Give the statement a meaningful Sid or remove the element.",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "ReadObjects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var item in statement.Sid?.Items ?? [])
            {
                if (item.Value.IsFullyKnown && item.Value.Text.Length == 0)
                {
                    context.Report(item.Value, statement, "the Sid is an empty string; give the statement a name or remove Sid");
                }
            }
        }
    }
}
