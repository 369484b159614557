using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Knowledge;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class GlobalServiceRuleRegionRule : IRule<EventRuleSubject>
{
    public static readonly RuleDescriptor Rule = new(
        "PG4014",
        "GlobalServiceRuleRegion",
        RuleArea.EventBridge,
        FindingLevel.Warning,
        "A rule on a global service's CloudTrail events is not pinned to the Region where those events arrive.",
        "IAM, Organizations, Route 53 and CloudFront record their API calls in US East (N. Virginia), and EventBridge delivers those CloudTrail events only there (cn-north-1 in China, us-gov-west-1 in GovCloud). A rule on aws.iam deployed in any other Region is valid but never fires. PolicyGate warns when the template is deployed elsewhere or its Region is not known.",
        new RuleHelp(
            "Deploy the stack in us-east-1 (say so with the Region in policygate.yaml or a template Rules assertion), or forward the events from us-east-1 to the bus where the rule lives.",
            """
            # deployed to eu-west-1
            IamChanges:
              Type: AWS::Events::Rule
              Properties:
                EventPattern: { source: [aws.iam], detail-type: [AWS API Call via CloudTrail] }
            """,
            """
            # deployed to us-east-1
            IamChanges:
              Type: AWS::Events::Rule
              Properties:
                EventPattern: { source: [aws.iam], detail-type: [AWS API Call via CloudTrail] }
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "correctness", "region"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventRuleSubject subject, CheckContext context)
    {
        if (subject.Pattern is null || PatternCompiler.Compile(subject.Pattern).Pattern is not { } pattern)
        {
            return;
        }

        var global = EventSourceCatalog.BuiltIn.CloudTrail.Global;
        var value = pattern.SubRules
            .SelectMany(r => r.Conditions.Where(c => c.Path is "source" or "detail.eventSource").OrderBy(c => c.Path == "source" ? 0 : 1))
            .SelectMany(PatternScope.ExactStrings)
            .FirstOrDefault(v => global.Sources.Contains(v.Value) || global.EventSources.Contains(v.Value));
        if (value is null)
        {
            return;
        }

        var home = global.HomeRegionFor(subject.Region);
        if (string.Equals(subject.Region, home, StringComparison.Ordinal))
        {
            return;
        }

        var where = subject.Region is null
            ? "the template's Region is not known, so the rule fires only if the stack is deployed there"
            : $"this template is deployed in {subject.Region}, where the rule never fires";
        context.Report(Rule, value.Source, $"CloudTrail events of {JsonText.Quote(value.Value)} reach EventBridge only in {home}; {where}. Deploy the rule in {home}, or forward the events from {home} to this Region's event bus");
    }
}
