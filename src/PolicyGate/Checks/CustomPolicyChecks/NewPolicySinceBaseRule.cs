using PolicyGate.Extraction;
using PolicyGate.Iam.Model;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>With <c>--changed-since REF</c>: a policy that did not exist at REF, with a summary of what it grants.</summary>
public sealed class NewPolicySinceBaseRule : IRule<PolicySubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG3005",
        "NewPolicySinceBase",
        RuleArea.CustomPolicyChecks,
        FindingLevel.Note,
        "A policy that did not exist at the base.",
        "With --changed-since REF, a policy in a changed file that has no counterpart at REF (a new file, a new resource, a new inline policy) cannot be compared; the note summarizes what it allows so a reviewer can judge it whole.",
        new RuleHelp(
            "Read the summary; the configured reference checks (checks.no-new-access) and the other rules still apply to it.",
            """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}""",
            "(no finding without --changed-since)",
            "json"))
    {
        Tags = ["iam", "custom-check", "changed-since"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(PolicySubject subject, CheckContext context)
    {
        if (context.BasePolicies is not { } basePolicies || basePolicies.Find(subject.Owner) is not null)
        {
            return;
        }

        var model = CheckedPolicy.Of(subject, context).Model;
        var where = basePolicies.FileExisted ? "this policy did not exist" : "this file did not exist";
        context.Report(Rule, subject.Document, $"new since {basePolicies.Reference} ({where}): {GrantSummary.Of(model)}");
    }
}
