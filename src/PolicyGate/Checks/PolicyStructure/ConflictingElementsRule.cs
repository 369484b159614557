using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.PolicyStructure;

public sealed class ConflictingElementsRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG2003",
        "ConflictingElements",
        RuleArea.PolicyValidation,
        FindingLevel.Error,
        "A statement has both an element and its Not form.",
        "A statement may have Action or NotAction, Resource or NotResource, Principal or NotPrincipal, but not both of a pair. AWS rejects such a statement.",
        new RuleHelp(
            "Keep one element of the pair. NotAction and NotResource invert the match and are easy to get wrong; prefer the positive form.",
            """{ "Effect": "Allow", "Action": "s3:*", "NotAction": "s3:DeleteBucket", "Resource": "*" }""",
            """{ "Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "*" }"""));

    private static readonly (string Positive, string Negative)[] Pairs =
        [("Action", "NotAction"), ("Resource", "NotResource"), ("Principal", "NotPrincipal")];

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        foreach (var statement in PolicyElements.Statements(subject.Document))
        {
            foreach (var (positive, negative) in Pairs)
            {
                var a = statement.Property(positive);
                var b = statement.Property(negative);
                if (a is null || b is null)
                {
                    continue;
                }

                var second = a.KeySpan.Start > b.KeySpan.Start ? a : b;
                var first = ReferenceEquals(second, a) ? b : a;
                context.Sink.Report(Rule, new SourceLocation(statement.File.Path, second.KeySpan),
                    $"the statement has both {positive} and {negative} (the other at line {first.KeySpan.StartLine}); use one of them");
            }
        }
    }
}
