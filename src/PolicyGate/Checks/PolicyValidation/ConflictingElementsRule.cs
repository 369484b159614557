using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class ConflictingElementsRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2003",
        "ConflictingElements",
        ValidationFindingType.Error,
        "UNSUPPORTED_ELEMENT_COMBINATION",
        "A statement has both an element and its Not form.",
        "A statement may have Action or NotAction, Resource or NotResource, Principal or NotPrincipal, but not both of a pair. AWS rejects such a statement.",
        "Keep one element of the pair. NotAction and NotResource invert the match and are easy to get wrong; prefer the positive form.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:DeleteBucket", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            Pair(context, statement, "Action", statement.Action?.KeySpan, "NotAction", statement.NotAction?.KeySpan);
            Pair(context, statement, "Resource", statement.Resource?.KeySpan, "NotResource", statement.NotResource?.KeySpan);
            Pair(context, statement, "Principal", statement.Principal?.KeySpan, "NotPrincipal", statement.NotPrincipal?.KeySpan);
        }
    }

    private static void Pair(PolicyCheckContext context, PolicyStatement statement, string positive, SourceSpan? a, string negative, SourceSpan? b)
    {
        if (a is not { } first || b is not { } second)
        {
            return;
        }

        var (later, earlier) = first.Start > second.Start ? (first, second) : (second, first);
        context.Report(new SourceLocation(statement.Node.File.Path, later), statement,
            $"the statement has both {positive} and {negative} (the other at line {earlier.StartLine}); use one of them");
    }
}
