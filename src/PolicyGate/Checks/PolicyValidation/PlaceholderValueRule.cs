using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class PlaceholderValueRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2133",
        "PlaceholderValue",
        ValidationFindingType.Error,
        null,
        "A value still contains a template placeholder such as <account-id>.",
        "Documentation and templates mark values to fill in with angle brackets (<bucket-name>, <organization-id>). A policy that still contains one names no real resource, principal or value, so its statements do not do what was intended.",
        "Replace the placeholder with the real value.",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::<bucket-name>/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        foreach (var statement in context.Policy.Statements)
        {
            var values = (statement.Resource?.Values ?? []).Concat(statement.NotResource?.Values ?? [])
                .Concat((statement.Principal?.Items ?? []).Concat(statement.NotPrincipal?.Items ?? []).Select(i => i.Value))
                .Concat(statement.Condition?.Entries.SelectMany(e => e.Entry.Values) ?? [])
                .Concat((statement.Action?.Values ?? []).Concat(statement.NotAction?.Values ?? []));
            foreach (var value in values)
            {
                if (value.IsString && Placeholders.Find(value.Text) is { } placeholder)
                {
                    context.Report(value, statement, $"\"{value.Text}\" still contains the placeholder {placeholder}; replace it with the real value");
                }
            }
        }
    }
}
