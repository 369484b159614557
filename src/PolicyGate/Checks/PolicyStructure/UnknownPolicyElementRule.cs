using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.PolicyStructure;

public sealed class UnknownPolicyElementRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG2004",
        "UnknownPolicyElement",
        RuleArea.PolicyValidation,
        FindingLevel.Error,
        "The policy or a statement has an element IAM does not know.",
        "IAM policies have the top-level elements Version, Id and Statement, and statements have Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition. Any other element, including a wrongly cased one, makes AWS reject the policy.",
        new RuleHelp(
            "Remove the element or correct its name; element names are case-sensitive.",
            """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*" } ] }""",
            """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }"""));

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        foreach (var document in subject.Document.Alternatives())
        {
            if (document is ObjectNode root)
            {
                ReportUnknown(root, PolicyElements.TopLevel, "the policy", context);
            }
        }

        foreach (var statement in PolicyElements.Statements(subject.Document))
        {
            ReportUnknown(statement, PolicyElements.Statement, "a statement", context);
        }
    }

    private static void ReportUnknown(ObjectNode node, string[] known, string where, CheckContext context)
    {
        foreach (var property in node.Properties)
        {
            if (known.Contains(property.Key, StringComparer.Ordinal))
            {
                continue;
            }

            var fix = PolicyElements.CaseFix(property.Key, known);
            var message = fix is not null
                ? $"\"{property.Key}\" must be written \"{fix}\" (element names are case-sensitive)"
                : $"\"{property.Key}\" is not an element of {where}; allowed: {string.Join(", ", known)}";
            context.Sink.Report(Rule, new SourceLocation(node.File.Path, property.KeySpan), message);
        }
    }
}
