using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class ScpSyntaxErrorActionWildcardRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2048",
        "ScpSyntaxErrorActionWildcard",
        ValidationFindingType.Error,
        "SCP_SYNTAX_ERROR_ACTION_WILDCARD",
        "An SCP action has a wildcard that is not at its end.",
        "Service control policies accept a wildcard in an action only as its last character (s3:Get*); a wildcard earlier in the name is rejected.",
        "Move the wildcard to the end, or list the actions.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*Object", "Resource": "*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsServiceControl;

    public override PolicyKind ExampleKind => PolicyKind.ServiceControl;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var (statement, item) in context.Policy.AnyActionItems())
        {
            var text = item.Text;
            var first = text.IndexOfAny(['*', '?']);
            if (item.Value.IsFullyKnown && first >= 0 && first < text.Length - 1)
            {
                context.Report(item.Value, statement, $"SCP actions may have a wildcard only at the end; \"{text}\" has one at position {first + 1}");
            }
        }
    }
}
