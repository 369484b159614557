using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class UnsupportedSidRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2010",
        "UnsupportedSid",
        ValidationFindingType.Error,
        "UNSUPPORTED_SID",
        "A Sid in an identity policy uses characters other than letters and digits.",
        "IAM identity policies accept only ASCII letters and digits in Sid. Spaces, dashes and other characters make IAM reject the policy (resource policies of some services are more lenient, so the check applies to identity policies).",
        "Write the Sid with letters and digits only, for example in PascalCase.",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "Read objects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Sid": "ReadObjects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsIdentity;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            foreach (var item in statement.Sid?.Items ?? [])
            {
                var text = item.Value.Text;
                if (item.Value.IsFullyKnown && text.Length > 0 && !text.All(char.IsAsciiLetterOrDigit))
                {
                    var bad = text.First(c => !char.IsAsciiLetterOrDigit(c));
                    context.Report(item.Value, statement, $"Sid \"{text}\" contains '{bad}'; identity policies accept only letters and digits in Sid");
                }
            }
        }
    }
}
