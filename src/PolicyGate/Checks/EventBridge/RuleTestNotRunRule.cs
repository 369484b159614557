using PolicyGate.Config;
using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Testing;
using PolicyGate.Extraction;

namespace PolicyGate.Checks.EventBridge;

public sealed class RuleTestNotRunRule : IRule<EventPatternSubject>, IRule<DocumentSubject>
{
    private static readonly HashSet<string> RuleTypes = new(["AWS::Events::Rule", "AWS::Serverless::Function"], StringComparer.Ordinal);

    public static readonly RuleDescriptor Rule = new(
        "PG4031",
        "RuleTestNotRun",
        RuleArea.EventBridge,
        FindingLevel.Error,
        "A rule test in policygate.yaml cannot run.",
        "A test under events.tests names a pattern file that is not an event pattern, a template without the named rule, a rule whose pattern is invalid, or a sample event that cannot be read or that TestEventPattern would reject (an event needs id, account, source, time, region and detail-type). The test would otherwise pass silently.",
        new RuleHelp(
            "Point the test at an existing rule and at complete sample events.",
            """
            events:
              tests:
                - template: templates/monitoring.yaml
                  rule: IamPolicyMonitr
                  match: [events/put-role-policy.json]
            """,
            """
            events:
              tests:
                - template: templates/monitoring.yaml
                  rule: IamPolicyMonitor
                  match: [events/put-role-policy.json]
            """,
            "yaml"))
    {
        Tags = ["eventbridge", "testing"],
    };

    public RuleDescriptor Descriptor => Rule;

    public void Check(EventPatternSubject subject, CheckContext context)
    {
        foreach (var test in RuleTests.For(subject.Owner, context.Config.Events))
        {
            if (PatternCompiler.Compile(subject.Pattern).FirstError is { } error)
            {
                context.Sink.Report(Rule, test.Location, $"the events test of {test.Describe} cannot run: the pattern is invalid ({error.Reason})");
                continue;
            }

            foreach (var sample in test.Match.Concat(test.NoMatch))
            {
                if (SampleEvent.Load(sample.FullPath, sample.Path).Problem is { } problem)
                {
                    context.Sink.Report(Rule, sample.Location, $"the sample event {sample.Path} cannot be used: {problem}");
                }
            }
        }
    }

    public void Check(DocumentSubject subject, CheckContext context)
    {
        var document = subject.Document;
        foreach (var test in context.Config.Events.Tests)
        {
            if (test.Pattern == document.Source.Path && document.Kind != DocumentKind.EventPattern)
            {
                context.Sink.Report(Rule, test.Location, $"the events test cannot run: {test.Pattern} is not an event pattern (PolicyGate reads it as {KindName(document.Kind)})");
            }

            if (test.Template == document.Source.Path && test.Rule is { } logicalId)
            {
                CheckTemplate(test, logicalId, document, context);
            }
        }
    }

    private static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.EventSample => "a sample event",
        DocumentKind.IamPolicy => "an IAM policy",
        DocumentKind.CloudFormationTemplate => "a CloudFormation template",
        DocumentKind.PolicyGateConfig => "a PolicyGate configuration",
        _ => "neither a pattern nor an event: a pattern has source, detail-type or detail with value lists",
    };

    private static void CheckTemplate(EventRuleTest test, string logicalId, ClassifiedDocument document, CheckContext context)
    {
        if (document.Kind != DocumentKind.CloudFormationTemplate)
        {
            context.Sink.Report(Rule, test.Location, $"the events test cannot run: {test.Template} is not a CloudFormation template");
            return;
        }

        var resource = (document.Root as ObjectNode)?["Resources"] is ObjectNode resources ? resources[logicalId] as ObjectNode : null;
        var type = resource?["Type"] is ScalarNode { Kind: ScalarKind.String } t ? t.Value : null;
        if (resource is null)
        {
            context.Sink.Report(Rule, test.Location, $"the events test cannot run: {test.Template} has no resource {logicalId}");
        }
        else if (type is not null && !RuleTypes.Contains(type))
        {
            context.Sink.Report(Rule, test.Location, $"the events test cannot run: {logicalId} in {test.Template} is {type}, not an AWS::Events::Rule or a SAM function");
        }
    }
}
