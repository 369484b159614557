using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnknownPolicyElementRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2004",
        "UnknownPolicyElement",
        ValidationFindingType.Error,
        "INVALID_POLICY_ELEMENT",
        "The policy or a statement has an element IAM does not know.",
        "IAM policies have the top-level elements Version, Id and Statement, and statements have Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition. Any other element, a wrongly cased one included, makes AWS reject the policy.",
        "Remove the element or correct its name; element names are case-sensitive.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        var policy = context.Policy;
        foreach (var property in policy.UnknownElements)
        {
            // A miscased Statement is reported by PolicyMissingStatement.
            if (!(policy.StatementKeySpan is null && property.Key.Equals("Statement", StringComparison.OrdinalIgnoreCase)))
            {
                Report(context, property, PolicyModelBuilder.TopLevelElements, "the policy", null);
            }
        }

        foreach (var statement in policy.Statements)
        {
            foreach (var property in statement.UnknownElements)
            {
                Report(context, property, PolicyModelBuilder.StatementElements, "a statement", statement);
            }
        }
    }

    private static void Report(PolicyCheckContext context, PropertyNode property, string[] known, string where, PolicyStatement? statement)
    {
        var fix = known.FirstOrDefault(n => n.Equals(property.Key, StringComparison.OrdinalIgnoreCase));
        var message = fix is not null
            ? $"\"{property.Key}\" must be written \"{fix}\" (element names are case-sensitive)"
            : $"\"{property.Key}\" is not an element of {where}; allowed: {string.Join(", ", known)}";
        context.Report(new SourceLocation(context.Policy.File.Path, property.KeySpan), message, statement?.Index);
    }
}
