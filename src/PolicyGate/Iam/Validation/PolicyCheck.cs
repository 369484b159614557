using PolicyGate.Checks;
using PolicyGate.Extraction;
using PolicyGate.Iam.Catalog;
using PolicyGate.Iam.Model;

namespace PolicyGate.Iam.Validation;

/// <summary>
/// A policy validation rule: its descriptor (data) and a check over the policy model. The same class runs in a
/// scan (as a rule on <see cref="PolicySubject"/>; the model is built once per subject and shared by all
/// policy checks) and in <see cref="OfflinePolicyValidator"/> (validate-policy, the local engine).
/// </summary>
public abstract class PolicyCheck : IRule<PolicySubject>
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Whether the check applies to policies of this kind (all kinds unless a check says otherwise).</summary>
    public virtual bool AppliesTo(ValidationTarget target) => true;

    public abstract void Check(PolicyCheckContext context);

    /// <summary>The policy kind the help examples are written for (identity unless a rule says otherwise).</summary>
    public virtual PolicyKind ExampleKind => PolicyKind.Identity;

    /// <summary>The resource type the help examples govern, for rules about one resource type.</summary>
    public virtual string? ExampleResourceType => null;

    public void Check(PolicySubject subject, CheckContext context)
    {
        var target = context.Derived(subject, () => new ValidationTarget(context.PolicyModel(subject), IamCatalogResource.Embedded));
        if (AppliesTo(target))
        {
            Check(new PolicyCheckContext(target, Descriptor, issue => context.Sink.Add(issue.ToFinding())));
        }
    }
}
