using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Text;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class WhitespaceInArnRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2140",
        "WhitespaceInArn",
        ValidationFindingType.Error,
        null,
        "A resource or principal ARN contains whitespace or a line break.",
        "ARNs never contain spaces, tabs or line breaks. One that does (often a value wrapped when it was copied from a web page or an editor) matches no resource or principal.",
        "Remove the whitespace from the ARN.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/ *"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var values = (statement.Resource?.Values ?? []).Concat(statement.NotResource?.Values ?? [])
                .Concat((statement.Principal?.Items ?? []).Concat(statement.NotPrincipal?.Items ?? []).Where(i => i.Type == PrincipalType.Aws).Select(i => i.Value));
            foreach (var value in values)
            {
                var at = value.IsString && value.Text.StartsWith("arn:", StringComparison.Ordinal)
                    ? value.AsLiteralPattern().Segments.Where(s => s.Kind == SegmentKind.Literal && s.Length == s.Text.Length)
                        .Select(s => s.Text.IndexOfAny([' ', '\t', '\n', '\r']) is var i and >= 0 ? s.Start + i : -1).FirstOrDefault(i => i >= 0, -1)
                    : -1;
                if (at >= 0)
                {
                    var what = value.Text[at] is '\n' or '\r' ? "a line break" : value.Text[at] == '\t' ? "a tab" : "a space";
                    context.Report(value, statement, $"the ARN \"{value.Text.ReplaceLineEndings(" ").Trim()}\" contains {what} at position {at + 1}; ARNs have no whitespace");
                }
            }
        }
    }
}
