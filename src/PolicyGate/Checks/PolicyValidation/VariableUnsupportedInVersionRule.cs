using PolicyGate.AccessAnalyzer;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;
using PolicyGate.Iam.Validation;

namespace PolicyGate.Checks.PolicyValidation;

public sealed class VariableUnsupportedInVersionRule : PolicyCheck
{
    public static readonly RuleDescriptor Rule = ValidationDescriptors.Create(
        "PG2015",
        "VariableUnsupportedInVersion",
        ValidationFindingType.Error,
        "VARIABLE_UNSUPPORTED_IN_VERSION",
        "The policy uses policy variables but its Version does not support them.",
        "Policy variables such as ${aws:username} are only substituted in policies of version 2012-10-17. With no Version or with 2008-10-17 they are matched as literal text, so the statement does not do what it says.",
        "Set `\"Version\": \"2012-10-17\"`.",
        """{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}""",
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}""");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(PolicyCheckContext context)
    {
        var policy = context.Policy;
        if (policy.VersionText == "2012-10-17" || policy.Version?.Single is { Value.IsUnknown: true })
        {
            return;
        }

        var why = policy.Version is null ? "the policy has no Version" : $"Version is \"{policy.VersionText}\"";
        foreach (var statement in policy.Statements)
        {
            var values = (statement.Resource?.Values ?? []).Concat(statement.NotResource?.Values ?? [])
                .Concat(statement.Condition?.Entries.SelectMany(e => e.Entry.Values) ?? []);
            foreach (var value in values)
            {
                if (value.IsString && value.AsPattern().Variables.FirstOrDefault() is { } variable)
                {
                    context.Report(value, statement, $"the policy variable ${{{variable.Key}}} is read as plain text because {why}; use \"Version\": \"2012-10-17\"");
                }
            }
        }
    }
}
