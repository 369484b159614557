using PolicyGate.AccessAnalyzer;
using PolicyGate.Documents;
using PolicyGate.Extraction;
using PolicyGate.Iam.Model;

namespace PolicyGate.Checks.CustomPolicyChecks;

/// <summary>
/// A scanned policy as the custom checks see it: the engine input (JSON text and located tree), the check
/// policy type (null for SCPs and RCPs, which these checks do not take), its model for locating statements,
/// and whether every value in it is known offline.
/// </summary>
public sealed record CheckedPolicy(PolicySubject Subject, PolicyDocumentInput Input, CheckPolicyType? Type, PolicyDocument Model, bool FullyKnown)
{
    public static CheckedPolicy Of(PolicySubject subject, CheckContext context) =>
        context.Derived(subject, () => new CheckedPolicy(
            subject,
            new PolicyDocumentInput(JsonText.Compact(subject.Document), subject.Document),
            subject.Kind switch
            {
                PolicyKind.Identity => CheckPolicyType.Identity,
                PolicyKind.Resource or PolicyKind.Trust => CheckPolicyType.Resource,
                _ => null,
            },
            context.PolicyModel(subject),
            !HasUnresolved(subject.Document)));

    /// <summary>Where a reason points: the statement it names, else the policy.</summary>
    public SourceLocation LocationOf(int? statementIndex) =>
        Model.Statements.FirstOrDefault(s => s.Index == statementIndex) is { } statement ? statement.Location : Subject.Document.Location;

    private static bool HasUnresolved(Node node) => node switch
    {
        ChoiceNode => true,
        ScalarNode scalar => scalar.HasUnknowns,
        ObjectNode obj => obj.Properties.Any(p => HasUnresolved(p.Value)),
        ArrayNode array => array.Items.Any(HasUnresolved),
        _ => false,
    };
}
