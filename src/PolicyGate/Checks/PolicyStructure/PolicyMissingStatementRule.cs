using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.PolicyStructure;

public sealed class PolicyMissingStatementRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG2001",
        "PolicyMissingStatement",
        RuleArea.PolicyValidation,
        FindingLevel.Error,
        "The policy has no Statement element.",
        "An IAM policy must have a Statement element holding one statement or a list of statements. Without it AWS rejects the policy; with a wrongly cased 'statement' it is not recognised either.",
        new RuleHelp(
            "Add a Statement element. Element names are case-sensitive: `Statement`, not `statement`.",
            """{ "Version": "2012-10-17", "statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }""",
            """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }"""));

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        foreach (var document in subject.Document.Alternatives())
        {
            if (document is not ObjectNode root || root.Has("Statement"))
            {
                continue;
            }

            var miscased = root.Properties.FirstOrDefault(p => p.Key.Equals("Statement", StringComparison.OrdinalIgnoreCase));
            if (miscased is not null)
            {
                context.Sink.Report(Rule, new SourceLocation(root.File.Path, miscased.KeySpan),
                    $"the policy has no Statement element: \"{miscased.Key}\" must be written \"Statement\" (element names are case-sensitive)");
            }
            else
            {
                context.Sink.Report(Rule, root.StartLocation(), "the policy has no Statement element, so it grants and denies nothing and AWS rejects it");
            }
        }
    }
}
