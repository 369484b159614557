using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RedundantActionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2049",
        "RedundantAction",
        ValidationFindingType.Suggestion,
        "REDUNDANT_ACTION",
        "An action is already covered by another action of the statement.",
        "An entry that another entry of the same list already matches (s3:GetObject next to s3:Get*, or a duplicate) adds nothing and makes the policy longer.",
        "Remove the redundant entry.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject"], "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:PutObject"], "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Action, statement.NotAction })
            {
                if (element is null)
                {
                    continue;
                }

                var items = element.Items.Where(i => i.Value.IsFullyKnown && !i.Value.Guard.IsConditional).ToList();
                foreach (var (i, j) in RedundantEntries.Find(items.Select(i => i.ToGlob()).ToList()))
                {
                    context.Report(items[i].Value, statement, $"the action {items[i].Text} is redundant: {items[j].Text} already covers it");
                }
            }
        }
    }
}
