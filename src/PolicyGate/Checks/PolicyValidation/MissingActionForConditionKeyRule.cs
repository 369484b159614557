using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class MissingActionForConditionKeyRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2105",
        "MissingActionForConditionKey",
        ValidationFindingType.Error,
        "MISSING_ACTION_FOR_CONDITION_KEY",
        "A trust policy tests a session key without allowing the action that sets it.",
        "A role session gets a source identity only with sts:SetSourceIdentity and session tags only with sts:TagSession. A trust statement that tests sts:SourceIdentity or request tags without allowing that action refuses such requests.",
        "Add the action (sts:SetSourceIdentity or sts:TagSession) to the statement.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Admin"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:SourceIdentity": "alice"}}}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Admin"}, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"], "Condition": {"StringEquals": {"sts:SourceIdentity": "alice"}}}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override bool AppliesTo(ValidationTarget target) => target.IsTrust;

    public override PolicyKind ExampleKind => PolicyKind.Trust;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            if (!statement.IsAllow || statement.Action is not { } actions || actions.Items.Any(a => !a.Value.IsFullyKnown))
            {
                continue;
            }

            foreach (var (_, entry) in statement.ConditionsOn(_ => true))
            {
                var needed = entry.Key.Is("sts:SourceIdentity") ? "sts:SetSourceIdentity"
                    : entry.Key.IsOrStartsWith("aws:RequestTag") || entry.Key.Is("aws:TagKeys") || entry.Key.Is("sts:TransitiveTagKeys") ? "sts:TagSession"
                    : null;
                if (needed is not null && !actions.Items.Any(a => a.Matches(needed)))
                {
                    context.Report(entry.KeyLocation, statement, $"{needed} must be in Action to allow setting {entry.Key}; add {needed}");
                }
            }
        }
    }
}
