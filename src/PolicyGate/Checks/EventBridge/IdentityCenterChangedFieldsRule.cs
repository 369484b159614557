using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.EventBridge.Targets;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class IdentityCenterChangedFieldsRule : IRule<EventPatternSubject>, IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4015",
        "IdentityCenterChangedFields",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "The rule relies on IAM Identity Center CloudTrail fields that changed in January 2025.",
        "Since 13 January 2025 IAM Identity Center no longer records userIdentity.userName and userIdentity.principalId for its users (sign-in, access portal, CLI sessions); it records userIdentity.onBehalfOf.userId and identityStoreArn, userIdentity.credentialId and additionalEventData.UserName instead. Signed-in users have userIdentity.type IdentityCenterUser rather than Unknown, and CreateGroup and UpdateGroup events carry HIDDEN_DUE_TO_SECURITY_REASONS in place of the group displayName. Patterns and input transformer paths built on the old fields silently stop working for events of the sources sso, signin, sso-directory and identitystore.",
        new RuleHelp(
            "Match on the replacement fields, and accept both type values.",
            """{ "source": [ "aws.sso" ], "detail": { "userIdentity": { "type": [ "Unknown" ], "userName": [ "alice" ] } } }""",
            """{ "source": [ "aws.sso" ], "detail": { "userIdentity": { "type": [ "Unknown", "IdentityCenterUser" ], "onBehalfOf": { "userId": [ "a11111-1111-1111-11a1-111aa111aa11" ] } } } }"""))
    {
        Tags = ["eventbridge", "correctness", "identity-center"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context) =>
        PatternIssueReport.Run(Rule, subject, context, IdentityCenterCheck.InPattern);

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        var catalog = EventSourceCatalog.BuiltIn;
        if (subject.Pattern is null || PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern || !IdentityCenterCheck.Covers(pattern, catalog))
        {
            return;
        }

        foreach (var path in TransformerPaths(subject))
        {
            if (RuleTargets.Text(path) is { } text && IdentityCenterCheck.InPath(text, catalog) is { } message)
            {
                context.Report(Rule, path, message);
            }
        }
    }

    private static IEnumerable<Node> TransformerPaths(EventRuleSubject subject)
    {
        foreach (var target in subject.Targets)
        {
            if (target["InputPath"] is { } inputPath)
            {
                yield return inputPath;
            }

            if (target["InputTransformer"] is ObjectNode { } transformer && transformer["InputPathsMap"] is ObjectNode map)
            {
                foreach (var property in map.Properties)
                {
                    yield return property.Value;
                }
            }
        }
    }
}
