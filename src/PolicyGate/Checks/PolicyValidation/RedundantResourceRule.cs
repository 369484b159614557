using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class RedundantResourceRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2064",
        "RedundantResource",
        ValidationFindingType.Suggestion,
        "REDUNDANT_RESOURCE",
        "A resource is already covered by another resource of the statement.",
        "An ARN that another entry of the same list already matches (arn:aws:s3:::b/x next to arn:aws:s3:::b/*, or a duplicate) adds nothing.",
        "Remove the redundant entry, or check whether the wildcard is broader than intended.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::my-bucket/*", "arn:aws:s3:::my-bucket/reports/*"]}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::my-bucket/reports/*", "arn:aws:s3:::other-bucket/*"]}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var element in new[] { statement.Resource, statement.NotResource })
            {
                if (element is null)
                {
                    continue;
                }

                var items = element.Items.Where(i => i.Value.IsFullyKnown && !i.Pattern.HasVariables && !i.Value.Guard.IsConditional).ToList();
                foreach (var (i, j) in RedundantEntries.Find(items.Select(i => i.ToGlob(PolicyGate.Iam.Text.PatternReading.Strict)).ToList()))
                {
                    context.Report(items[i].Value, statement, $"the resource {items[i].Text} is redundant: {items[j].Text} already covers it");
                }
            }
        }
    }
}
