using PolicyGate.CloudFormation;
using PolicyGate.Documents;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.CloudFormation;

/// <summary>A note on each template policy whose resolved form has unknown values or undecided conditions, naming them.</summary>
public sealed class PolicyDependsOnUnknownsRule : IRule<PolicySubject>
{
    private const int Named = 3;

    public static readonly RuleDescriptor Rule = new(
        "PG1109",
        "PolicyDependsOnUnknowns",
        RuleArea.Templates,
        FindingLevel.Note,
        "A policy in a template depends on values not known offline.",
        "Parts of the policy come from parameters without a value, imports, dynamic references, or conditions that cannot be decided (names and ids that AWS assigns at deploy time are unknown too, but are not named here since no value can be given for them). The checks treat those parts soundly (as anything at all for the policy under test, both branches of an undecided condition), which can make them report access that the deployed stack would not grant. The note names what is unknown.",
        new RuleHelp(
            "Give the values with `--parameter NAME=VALUE`, the `parameters`, `pseudo-parameters` and `import-values` configuration keys, or a template configuration file, to check the policy as deployed.",
            "Resource: !Sub 'arn:aws:s3:::${BucketName}/*'   # BucketName has no Default",
            "policygate scan --parameter BucketName=prod-artifacts",
            "yaml"));

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        if (subject.Owner.LogicalId is null)
        {
            return;
        }

        // Generated names and resource ids are unknown too, but nothing can be done about them: left out.
        var unknowns = UnknownValues.Reasons(subject.Document).Where(u => !UnknownValues.IsAssignedByAws(u.Reason)).ToList();
        if (unknowns.Count == 0)
        {
            return;
        }

        var reasons = unknowns.Select(u => u.Reason).Distinct(StringComparer.Ordinal).ToList();
        var named = string.Join("; ", reasons.Take(Named));
        var more = reasons.Count > Named ? $"; and {reasons.Count - Named} more" : string.Empty;
        context.Report(Rule, unknowns[0].Node, $"the policy {subject.Owner.PropertyPath} of {subject.Owner.LogicalId} depends on values not known offline: {named}{more}");
    }
}
